/**
 * `mcpkv settings [--clear-after S] [--default-expiry DAYS] [--default-var NAME] [--notifications on|off] [--json]`:
 * shows the settings, or changes the ones given. The same settings as the app's (in vault.json).
 */
import { Command, InvalidArgumentError } from 'commander';
import { CLIPBOARD_CLEAR_CHOICES, describeClearTime, type Settings, type SettingsUpdate } from '../../../shared/settings';
import { parseDays } from '../arguments';
import type { CliIo } from '../io';
import { respond } from '../respond';

/** 0 = never (commander turns a parser's null into '', so "never" is 0 until the action maps it to null). */
function parseClearAfter(value: string): number {
  if (value === '0' || value === 'never') return 0;
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`must be one of ${CLIPBOARD_CLEAR_CHOICES.join(', ')} seconds, or 0/never.`);
  return Number(value);
}

function parseOnOff(value: string): boolean {
  if (/^(on|true|yes|1)$/i.test(value)) return true;
  if (/^(off|false|no|0)$/i.test(value)) return false;
  throw new InvalidArgumentError('must be on or off.');
}

export function formatSettings(settings: Settings): string {
  const lines: [string, string][] = [
    ['Clipboard clears after', describeClearTime(settings.clipboardClearSeconds)],
    ['Default expiry', settings.defaultExpiryDays === 0 ? 'never' : `${settings.defaultExpiryDays} days`],
    ['Default variable', settings.defaultEnvVar],
    ['Notifications', settings.notifications ? 'on' : 'off'],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join('\n');
}

export function register(program: Command, io: CliIo): void {
  program
    .command('settings')
    .description('show or change settings (shared with the app); no options = show')
    .option('--clear-after <seconds>', `seconds a copied key stays on the clipboard: ${CLIPBOARD_CLEAR_CHOICES.join(', ')}, or 0/never`, parseClearAfter)
    .option('--default-expiry <days>', 'expiry of new keys when none is given; 0 = never', parseDays)
    .option('--default-var <name>', 'variable name of the env copy format (MCP_API_KEY)')
    .option('--notifications <on|off>', 'OS notifications about expiring keys while the app runs', parseOnOff)
    .option('--json', 'print the settings as JSON')
    .action(async (options: { clearAfter?: number; defaultExpiry?: number; defaultVar?: string; notifications?: boolean; json?: boolean }) => {
      const { settings: store } = await io.session.open();
      const change: SettingsUpdate = {
        ...(options.clearAfter !== undefined && {
          clipboardClearSeconds: (options.clearAfter === 0 ? null : options.clearAfter) as Settings['clipboardClearSeconds'],
        }),
        ...(options.defaultExpiry !== undefined && { defaultExpiryDays: options.defaultExpiry }),
        ...(options.defaultVar !== undefined && { defaultEnvVar: options.defaultVar }),
        ...(options.notifications !== undefined && { notifications: options.notifications }),
      };
      const changing = Object.keys(change).length > 0;
      const settings = changing ? await store.update(change) : store.get();
      respond(io, options, settings, () => [...(changing ? ['Settings updated.'] : []), formatSettings(settings)]);
    });
}
