// TEST ONLY. `node --import ./test/helpers/fake-electron/register.mjs out/main/index.js`: loads the built main
// process with `electron` replaced by a recording stand-in (fake-electron.mjs), where Electron cannot run.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
