/**
 * mcpkv: the MCP Key Vault on the command line, on the same core and the same vault as the app.
 * Commands follow the MCP Key Manager's. With --json every command prints exactly one JSON value.
 * Errors are one line on stderr and a non-zero exit, never a stack trace, never a secret.
 */
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { isVaultError, VaultError } from '../../shared/errors';
import { looksLikeSecret } from '../../shared/key-format';
import { describeExpiry } from '../../shared/key-status';
import type { CreateKeyInput, EditKeyInput, KeyView } from '../../shared/types';
import { DEFAULT_ENV_VAR, type ExportReport } from '../../shared/exports';
import { openNodeVaultRecovering } from '../core/open-vault';
import { doctor } from '../core/doctor';
import { Projects } from '../core/projects';
import type { Vault } from '../core/vault';
import { normalizeImportedSecret } from '../core/vault';
import { ExportsService } from '../core/exports/exports-service';
import { formatDetail, formatTable } from './format';
import { HTTP_HEADER_STYLES, type HttpHeaderStyle } from '../../shared/copy-format';
import { SettingsStore, withDefaultExpiry } from '../core/settings';
import { registerActivityCommand } from './activity-command';
import { registerCopyCommand } from './copy-command';
import type { CliIo } from './io';
import { registerSettingsCommand } from './settings-command';
import { confirm, readSecretInput } from './terminal';
import { parseDays } from './arguments';

const VERSION = '0.1.0';

let vaultInstance: Vault | undefined;
/** The vault, opened (and mended if needed) before every command by the preAction hook. */
function vault(): Vault {
  if (!vaultInstance) throw new Error('vault used before it was opened');
  return vaultInstance;
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseMeta(pairs: string[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    // The value is not echoed: it may be a key pasted into the wrong place.
    if (eq <= 0) throw new VaultError('VALIDATION', '--meta takes KEY=VALUE: one of the values has no "=".');
    metadata[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return metadata;
}

interface KeyOptions {
  description?: string;
  expiresInDays?: number;
  expiresAt?: string;
  permission?: string[];
  owner?: string;
  meta?: string[];
  header?: HttpHeaderStyle;
  json?: boolean;
}

function parseHeaderStyle(value: string): HttpHeaderStyle {
  if (!(HTTP_HEADER_STYLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${HTTP_HEADER_STYLES.join(', ')}.`);
  return value as HttpHeaderStyle;
}

function keyFieldOptions(command: Command): Command {
  return command
    .option('-d, --description <text>', 'what the key is for')
    .option('-e, --expires-in-days <days>', 'days until the key expires; 0 = never (default on create: the default-expiry setting, 90)', parseDays)
    .option('--expires-at <date>', 'an exact expiry date (ISO 8601, e.g. 2027-01-31T00:00:00Z)')
    .option('-p, --permission <scope>', `a permission scope, repeatable (e.g. chats:create)`, collect)
    .option('--owner <email>', 'who the key belongs to')
    .option('--meta <key=value>', 'a metadata pair, repeatable (e.g. environment=production)', collect)
    .option('--header <style>', 'how the key is sent over HTTP, for copy --format header: bearer (default), x-api-key or apikey', parseHeaderStyle);
}

function keyFields(options: KeyOptions): Omit<EditKeyInput, 'name'> {
  return {
    ...(options.description !== undefined && { description: options.description }),
    ...(options.owner !== undefined && { owner: options.owner }),
    ...(options.permission !== undefined && { permissions: options.permission }),
    ...(options.expiresInDays !== undefined && { expiresInDays: options.expiresInDays }),
    ...(options.expiresAt !== undefined && { expiresAt: options.expiresAt }),
    ...(options.header !== undefined && { httpHeader: options.header }),
  };
}

async function readImportedSecret(): Promise<string> {
  const { secret, trimmed } = normalizeImportedSecret(await readSecretInput());
  if (trimmed) note('Note: surrounding whitespace was trimmed from the key value.');
  return secret;
}

function showNewSecret(key: KeyView & { secret: string }, verb: string): void {
  out(`${verb} key "${key.name}" (id ${key.id}).`);
  out('');
  out(`  ${key.secret}`);
  out('');
  out('Store it safely: this is the only time mcpkv prints it unasked (mcpkv list --show-keys reveals it again).');
  out(`Expires: ${key.expiresAt ? `${key.expiresAt.slice(0, 10)} (${describeExpiry(key.expiresAt)})` : 'never'}`);
}

const OUTCOME_WORDS: Record<ExportReport['outcome'], string> = {
  updated: 'updated',
  unchanged: 'already up to date',
  missing: 'missing',
  'changed-by-hand': 'changed by hand, left alone',
  removed: 'removed',
  failed: 'FAILED',
};

function printExportReports(reports: ExportReport[]): void {
  for (const r of reports) out(`  ${r.file} (${r.variable}): ${OUTCOME_WORDS[r.outcome]}${r.message && r.outcome === 'failed' ? ` — ${r.message}` : ''}`);
}

function hintExportsLeft(id: string, verb: string): void {
  const count = new ExportsService(vault()).recordsFor(id).length;
  if (count > 0) note(`Note: this key is still in ${count} .env file(s); ${verb} with --remove-from-env to take it out.`);
}

function resolveEnvPath(file: string | undefined): string {
  return path.resolve(file ?? '.env');
}

/** Commander's usage errors, as one line like ours. */
function oneLineError(text: string, write: (text: string) => void): void {
  // commander quotes the offending argument; a key pasted into the wrong place must not be echoed.
  const first = text
    .trimEnd()
    .split('\n')[0]!
    .replace(/^error: /, '')
    .replace(/'([^']*)'/g, (quoted, inner: string) => (looksLikeSecret(inner) ? "'…'" : quoted));
  write(`mcpkv: ${first} (see mcpkv --help)\n`);
}

function buildProgram(): Command {
  const program = new Command('mcpkv')
    .description('MCP Key Vault: create, store, rotate and use API keys. Secrets live in the OS keychain.')
    .version(VERSION)
    .configureOutput({ outputError: oneLineError })
    .exitOverride()
    // An operation cut short by a killed process is finished or undone before anything else happens.
    // Opens the vault for every command; an unreadable vault file or an operation cut short by a killed
    // process is mended first, and the user is told.
    .hook('preAction', async () => {
      const { vault: opened, notes } = await openNodeVaultRecovering();
      vaultInstance = opened;
      for (const line of notes) note(`mcpkv: ${line}`);
    });

  keyFieldOptions(
    program
      .command('create')
      .description('create a new key (or import one you already have with --import)')
      .argument('<name>', 'a unique name for the key'),
  )
    .option('--prefix <prefix>', 'the key prefix (default mcp_sk_)')
    .option('--import', 'import an existing key value, read from stdin, instead of generating one')
    .option('-u, --use-in-env [path]', 'also write the key into a .env file (default ./.env)')
    .option('--json', 'print the key record as JSON')
    .action(async (name: string, options: KeyOptions & { prefix?: string; import?: boolean; useInEnv?: string | boolean }) => {
      const input: CreateKeyInput = {
        name,
        ...keyFields(options),
        ...(options.meta && { metadata: parseMeta(options.meta) }),
        ...(options.prefix !== undefined && { prefix: options.prefix }),
      };
      if (options.import) input.importSecret = await readImportedSecret();
      // No expiry given: the default-expiry setting (an explicit one is kept as given).
      const key = await vault().create(withDefaultExpiry(input, new SettingsStore(vault().store).get()));
      const env =
        options.useInEnv !== undefined
          ? await new ExportsService(vault()).use(key.id, { envPath: resolveEnvPath(typeof options.useInEnv === 'string' ? options.useInEnv : undefined) })
          : undefined;
      // An imported value is the user's own: it is not echoed back.
      const { secret, ...record } = key;
      const shown = options.import ? record : key;
      if (options.json) return printJson(env ? { ...shown, env } : shown);
      if (options.import) out(`Imported key "${key.name}" (id ${key.id}); its value is in the OS keychain.`);
      else showNewSecret({ ...record, secret }, 'Created');
      if (env) out(`Wrote ${env.changed.join(', ') || 'nothing new'} to ${env.file}.`);
    });

  program
    .command('list')
    .description('list keys (secrets masked)')
    .option('-a, --active-only', 'show only active keys')
    .option('-k, --show-keys', 'show key values (sensitive)')
    .option('--json', 'print a JSON list of key records')
    .action(async (options: { activeOnly?: boolean; showKeys?: boolean; json?: boolean }) => {
      const keys = vault().list({ activeOnly: options.activeOnly });
      let secrets: Map<string, string> | undefined;
      if (options.showKeys) {
        secrets = new Map();
        for (const key of keys) {
          if (key.status === 'revoked') continue;
          const secret = await vault().secrets.get(key.id);
          if (secret !== null) secrets.set(key.id, secret);
        }
      }
      if (options.json) {
        return printJson(keys.map((k) => (secrets?.has(k.id) ? { ...k, secret: secrets.get(k.id) } : k)));
      }
      out(formatTable(keys, secrets));
    });

  program
    .command('view')
    .description('show one key in detail (never its value)')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--json', 'print the key record as JSON')
    .action((ref: string, options: { json?: boolean }) => {
      const key = vault().resolve(ref);
      if (options.json) return printJson(key);
      out(formatDetail(key));
    });

  keyFieldOptions(
    program
      .command('edit')
      .description('change a key\'s name, description, owner, permissions, metadata or expiry')
      .argument('<id>', 'key id, unique id prefix, or name'),
  )
    .option('-n, --name <name>', 'a new name')
    .option('--clear-permissions', 'remove every permission')
    .addHelpText('after', '\n-p replaces the permission list; --meta KEY=VALUE sets a pair and --meta KEY= removes it.')
    .option('--json', 'print the key record as JSON')
    .action(async (ref: string, options: KeyOptions & { name?: string; clearPermissions?: boolean }) => {
      const key = vault().resolve(ref);
      const input: EditKeyInput = { ...keyFields(options), ...(options.name !== undefined && { name: options.name }) };
      if (options.clearPermissions) input.permissions = [];
      if (options.meta) {
        const metadata = { ...key.metadata };
        for (const [k, v] of Object.entries(parseMeta(options.meta))) {
          if (v === '') delete metadata[k];
          else metadata[k] = v;
        }
        input.metadata = metadata;
      }
      if (Object.keys(input).length === 0) throw new VaultError('VALIDATION', 'Nothing to change: give at least one option (see mcpkv edit --help).');
      const edited = await vault().edit(key.id, input);
      if (options.json) return printJson(edited);
      out(`Updated key "${edited.name}" (id ${edited.id}).`);
    });

  program
    .command('revoke')
    .description('revoke a key: its value is removed from the keychain at once; the record stays for history')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--remove-from-env', 'also remove the key\'s variable from every .env file it was written to')
    .option('--json', 'print the key record as JSON (with an exports report)')
    .action(async (ref: string, options: { yes?: boolean; json?: boolean; removeFromEnv?: boolean }) => {
      const key = vault().resolve(ref);
      if (!(await confirm(`Revoke key "${key.name}" (${key.id})? Its value is deleted and cannot be used again.`, Boolean(options.yes || options.json)))) {
        throw new VaultError('VALIDATION', 'Cancelled; nothing was changed.');
      }
      const wasRevoked = key.status === 'revoked';
      const revoked = await vault().revoke(key.id, { removeFromFiles: options.removeFromEnv });
      if (options.json) return printJson(revoked);
      out(wasRevoked ? `Key "${revoked.name}" was already revoked.` : `Revoked key "${revoked.name}" (id ${revoked.id}).`);
      printExportReports(revoked.exports);
      if (!options.removeFromEnv) hintExportsLeft(key.id, 'revoke');
    });

  program
    .command('delete')
    .description('delete a key: record and value')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--remove-from-env', 'also remove the key\'s variable from every .env file it was written to')
    .option('--json', 'print the deleted key record as JSON (with an exports report)')
    .action(async (ref: string, options: { yes?: boolean; json?: boolean; removeFromEnv?: boolean }) => {
      const key = vault().resolve(ref);
      if (!(await confirm(`Delete key "${key.name}" (${key.id}) and its value? This cannot be undone.`, Boolean(options.yes || options.json)))) {
        throw new VaultError('VALIDATION', 'Cancelled; nothing was changed.');
      }
      const deleted = await vault().delete(key.id, { removeFromFiles: options.removeFromEnv });
      if (options.json) return printJson(deleted);
      out(`Deleted key "${deleted.name}" (id ${deleted.id}).`);
      printExportReports(deleted.exports);
    });

  program
    .command('rotate')
    .description('replace a key\'s value, same id; the old value is removed from the keychain at once')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--import', 'read the new value from stdin (required for imported keys)')
    .option('--json', 'print the key record with its new secret as JSON, plus an exports report')
    .action(async (ref: string, options: { import?: boolean; json?: boolean }) => {
      const key = vault().resolve(ref);
      if (key.source === 'imported' && !options.import) {
        throw new VaultError('VALIDATION', `Key "${key.name}" was imported: pipe its new value in with --import.`);
      }
      const newSecret = options.import ? await readImportedSecret() : undefined;
      const { previousSecret: _previous, ...rotated } = await vault().rotate(key.id, { newSecret });
      const { secret, ...record } = rotated;
      const shown = options.import ? record : rotated;
      if (options.json) return printJson(shown);
      if (options.import) out(`Rotated key "${rotated.name}" (id ${rotated.id}) to the value you gave.`);
      else showNewSecret({ ...record, secret }, 'Rotated');
      printExportReports(rotated.exports);
    });

  program
    .command('exports')
    .description('list the .env files a key was written to')
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--json', 'print a JSON list of exports')
    .action((ref: string, options: { json?: boolean }) => {
      const key = vault().resolve(ref);
      const exports = new ExportsService(vault()).recordsFor(key.id);
      if (options.json) return printJson(exports);
      if (exports.length === 0) return out(`Key "${key.name}" has not been written to any .env file.`);
      for (const e of exports) out(`${e.file}  ${e.variable}  (${e.at.slice(0, 16).replace('T', ' ')})`);
    });

  program
    .command('use')
    .description(`write a key into a .env file as ${DEFAULT_ENV_VAR}=<key> and set API_KEY_REQUIRED=true`)
    .argument('<id>', 'key id, unique id prefix, or name')
    .option('--env <path>', 'the .env file (default ./.env)')
    .option('--var <name>', `the variable name (default: the defaultEnvVar setting, ${DEFAULT_ENV_VAR} unless changed)`)
    .option('--no-require', 'do not set API_KEY_REQUIRED=true')
    .option('--json', 'print { file, changed } as JSON')
    .action(async (ref: string, options: { env?: string; var?: string; require: boolean; json?: boolean }) => {
      const key = vault().resolve(ref);
      const envPath = resolveEnvPath(options.env);
      const projectId = new Projects(vault().store).projectFor(envPath)?.id ?? null;
      const varName = options.var ?? new SettingsStore(vault().store).get().defaultEnvVar;
      const result = await new ExportsService(vault()).use(key.id, { envPath, varName, require: options.require, projectId });
      if (options.json) return printJson(result);
      out(result.changed.length ? `Wrote ${result.changed.join(', ')} to ${result.file}.` : `${result.file} already holds key "${key.name}"; nothing changed.`);
    });

  program
    .command('enable-requirement')
    .description('set API_KEY_REQUIRED=true in a .env file')
    .option('--env <path>', 'the .env file (default ./.env)')
    .option('--json', 'print { file, changed } as JSON')
    .action(async (options: { env?: string; json?: boolean }) => {
      const result = await new ExportsService(vault()).enableRequirement(resolveEnvPath(options.env));
      if (options.json) return printJson(result);
      out(result.changed.length ? `Set API_KEY_REQUIRED=true in ${result.file}.` : `${result.file} already has API_KEY_REQUIRED=true.`);
    });

  const io: CliIo = { vault, out, note, printJson };
  registerCopyCommand(program, io);
  registerActivityCommand(program, io);
  registerSettingsCommand(program, io);

  program
    .command('doctor')
    .description('check the vault: store vs keychain, record shapes, file modes, .env files that no longer hold their key')
    .option('--repair', 'repair what can be repaired (recover orphaned keys, finish cut-short rotations, fix modes, forget stale exports)')
    .option('--json', 'print the report as JSON')
    .action(async (options: { repair?: boolean; json?: boolean }) => {
      const report = await doctor(vault(), { repair: Boolean(options.repair) });
      if (options.json) return printJson(report);
      const { keys, secrets, exports } = report.checked;
      for (const line of report.repaired) out(`repaired: ${line}`);
      if (report.findings.length === 0) {
        out(`The vault is healthy: ${keys} key(s), ${secrets} keychain entr${secrets === 1 ? 'y' : 'ies'}, ${exports} tracked .env export(s).`);
        return;
      }
      for (const f of report.findings) out(`${f.repair ? 'fixable' : 'needs you'}: ${f.message}${f.repair && !options.repair ? ` (--repair: ${f.repair})` : ''}`);
      process.exitCode = 1;
    });

  for (const command of program.commands) {
    command.exitOverride().configureOutput({ outputError: oneLineError });
  }
  return program;
}

/** Errors of our own have user-ready words; anything else is reported without its text, which might hold anything. */
function reportError(error: unknown): number {
  // Help and version exit 0; every other commander error is a usage error: invalid input, exit 2.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (isVaultError(error)) {
    note(`mcpkv: ${error.message}`);
    return error.code === 'VALIDATION' ? 2 : 1;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  note(`mcpkv: unexpected error${typeof code === 'string' ? ` (${code})` : ''}; nothing further was changed.`);
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    // A command that reports problems (doctor) sets its own exit code.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

// Exit codes: 0 done, 1 failed, 2 invalid input.
process.exitCode = await main(process.argv.slice(2));
