/**
 * The main side as the app builds it (createMainSide) over a real vault, with what Node has instead of Electron:
 * an in-memory clipboard, a scripted folder dialog and confirmation dialog, the activity log in the vault's
 * folder, and MCP clients' configs under `clientHome` (by default a folder in the vault's, empty unless the test
 * writes fixtures there). Free of vitest, so the stand-alone keychain scenarios use it as well as the IPC harness.
 */
import path from 'node:path';
import { ActivityLog } from '../../electron/core/activity-log';
import type { Vault } from '../../electron/core/vault';
import { createMainSide } from '../../electron/main/main-side';
import { MemoryClipboard } from './memory-clipboard';
import { ScriptedConfirm } from './scripted-confirm';
import { testMcpDeps } from './test-mcp';

export function testMainSide(
  vault: Vault,
  chooseFolder: () => Promise<string | null> = async () => null,
  clientHome = path.join(path.dirname(vault.store.path), 'client-home'),
) {
  const clipboard = new MemoryClipboard();
  const confirm = new ScriptedConfirm();
  const side = createMainSide({
    vault,
    clipboard,
    dialogs: { chooseFolder },
    confirm: confirm.confirm,
    mcp: testMcpDeps(clientHome),
    activity: new ActivityLog(path.dirname(vault.store.path)),
    notices: [],
  });
  return { ...side, clipboard, confirm };
}
