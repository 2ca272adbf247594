/**
 * What a copy puts on the clipboard, for the app (main) and the CLI alike: only an active key, formatted as
 * asked (`key`, `env` with the `defaultEnvVar` setting, or `header` in the key's HTTP header style).
 */
import { formatForCopy, type CopyFormat } from '../../shared/copy-format';
import { VaultError } from '../../shared/errors';
import { inactiveKeyMessage } from '../../shared/key-status';
import type { Settings } from '../../shared/settings';
import type { KeyView } from '../../shared/types';
import type { Vault } from './vault';

export async function textToCopy(
  vault: Vault,
  id: string,
  format: CopyFormat,
  settings: Pick<Settings, 'defaultEnvVar'>,
): Promise<{ key: KeyView; text: string }> {
  const key = vault.get(id);
  if (key.status !== 'active') {
    throw new VaultError('KEY_INACTIVE', inactiveKeyMessage(key, 'copied'));
  }
  const secret = await vault.secretOf(id);
  return { key, text: formatForCopy(secret, format, { httpHeader: key.httpHeader, envVar: settings.defaultEnvVar }) };
}
