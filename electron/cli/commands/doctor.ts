/** `mcpkv doctor [--repair] [--json]`: checks the vault against the keychain and its files; mends what it can. */
import type { Command } from 'commander';
import type { CliIo } from '../io';
import { respond } from '../respond';

export function register(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description('check the vault: store vs keychain, record shapes, file modes, .env files that no longer hold their key, MCP client configs (connections to gone or inactive keys, plaintext keys)')
    .option('--repair', 'repair what can be repaired (recover orphaned keys, finish cut-short rotations, fix modes, forget stale exports)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { repair?: boolean; json?: boolean }) => {
      const { vault } = await io.session.open();
      const { doctor } = await import('../../core/doctor');
      const report = await doctor(vault, { repair: Boolean(options.repair) });
      // One exit rule for every command, with or without --json: findings left after the run exit 1.
      if (report.findings.length > 0) process.exitCode = 1;
      respond(io, options, report, () => {
        const { keys, secrets, exports } = report.checked;
        const repaired = report.repaired.map((line) => `repaired: ${line}`);
        if (report.findings.length === 0) {
          return [...repaired, `The vault is healthy: ${keys} key(s), ${secrets} keychain entr${secrets === 1 ? 'y' : 'ies'}, ${exports} tracked .env export(s).`];
        }
        return [...repaired, ...report.findings.map((f) => `${f.repair ? 'fixable' : 'needs you'}: ${f.message}${f.repair && !options.repair ? ` (--repair: ${f.repair})` : ''}`)];
      });
    });
}
