/** `mcpkv use --dry-run`: the masked diff the app's Use dialog shows, the keys it would replace and git's view; nothing is written. */
import path from 'node:path';
import type { Output } from './respond';
import { respond } from './respond';
import type { VaultContext } from './vault-context';
import { gitWarning } from './write-checks';

const MARKS = { added: '+', removed: '-', same: ' ' } as const;

export async function printDryRun(
  output: Output,
  context: Pick<VaultContext, 'exports'>,
  file: string,
  request: { keys: { keyId: string; variable: string }[]; require: boolean; reference?: boolean; followLinks?: boolean },
  options: { json?: boolean },
): Promise<void> {
  const preview = await context.exports.previewFile(file, request);
  const { gitState } = await import('../core/git-safety');
  const git = await gitState(path.dirname(file), path.basename(file));
  respond(output, options, { file, dryRun: true, ...preview, git }, () => {
    const warning = request.reference ? null : gitWarning(file, git); // a reference is no secret
    return [
      preview.changed.length
        ? `Would write ${preview.changed.join(', ')} to ${file}${preview.exists ? '' : ' (a new file)'}; nothing was written (--dry-run):`
        : `${file} already holds this; nothing would change.`,
      ...preview.diff.map((line) => `${MARKS[line.kind]} ${line.text}`),
      ...preview.replaces.map((r) => `Replaces key "${r.keyName}" (id ${r.keyId}) in ${r.variable}: that key would stop being tracked in this file.`),
      ...(warning ? [warning] : []),
    ];
  });
}
