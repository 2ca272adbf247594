/**
 * How the CLI shows keys to people: a table for lists, a block for one key, a new key's value once, and what
 * happened in each .env file. Secrets only when asked.
 */
import { DEFAULT_HTTP_HEADER, HTTP_HEADER_LABELS } from '../../shared/copy-format';
import type { ExportReport } from '../../shared/exports';
import { MCP_CLIENT_NAMES } from '../../shared/mcp';
import { maskKey } from '../../shared/key-format';
import { describeExpiry } from '../../shared/key-status';
import type { KeyView, KeyWithSecret } from '../../shared/types';
import { alignColumns, clip } from './columns';

function statusLabel(key: KeyView): string {
  return key.status === 'active' && key.expiringSoon ? 'expiring soon' : key.status;
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '-';
}

export function formatTable(keys: KeyView[], secrets?: Map<string, string>): string {
  if (keys.length === 0) return 'No keys yet. Create one with: mcpkv create "Key name"';
  const now = Date.now();
  const rows = keys.map((k) => [
    k.id,
    clip(k.name, 32),
    secrets ? (secrets.get(k.id) ?? (k.status === 'revoked' ? '(revoked)' : '(missing)')) : maskKey(k),
    statusLabel(k),
    describeExpiry(k.expiresAt, now),
    clip(k.permissions.join(',') || '-', 32),
    day(k.lastUsedAt),
  ]);
  const header = ['ID', 'NAME', 'KEY', 'STATUS', 'EXPIRES', 'PERMISSIONS', 'LAST USED'];
  return alignColumns([header, ...rows]).join('\n');
}

export function formatDetail(key: KeyView): string {
  const meta = Object.entries(key.metadata);
  const lines: [string, string][] = [
    ['ID', key.id],
    ['Name', key.name],
    ['Key', maskKey(key)],
    ['Status', statusLabel(key)],
    ['Description', key.description || '-'],
    ['Owner', key.owner || '-'],
    ['Permissions', key.permissions.join(', ') || '-'],
    ['Metadata', meta.length ? meta.map(([k, v]) => `${k}=${v}`).join(', ') : '-'],
    ['Source', key.source],
    ['Created', key.createdAt],
    ['Expires', key.expiresAt ? `${key.expiresAt} (${describeExpiry(key.expiresAt)})` : 'never'],
    ['Rotated', key.rotatedAt ?? '-'],
    ['Revoked', key.revokedAt ?? '-'],
    ['Last used', key.lastUsedAt ?? 'never'],
    ['Usage count', String(key.usageCount)],
    ['HTTP header', HTTP_HEADER_LABELS[key.httpHeader ?? DEFAULT_HTTP_HEADER]],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join('\n');
}

/** A new key's value with what to do with it: `create` and `rotate` print it once. */
export function formatNewSecret(key: KeyWithSecret, verb: string): string[] {
  return [
    `${verb} key "${key.name}" (id ${key.id}).`,
    '',
    `  ${key.secret}`,
    '',
    'Store it safely: this is the only time mcpkv prints it unasked (mcpkv list --show-keys reveals it again).',
    `Expires: ${key.expiresAt ? `${key.expiresAt.slice(0, 10)} (${describeExpiry(key.expiresAt)})` : 'never'}`,
  ];
}

const OUTCOME_WORDS: Record<ExportReport['outcome'], string> = {
  updated: 'updated',
  unchanged: 'already up to date',
  reference: 'a reference (mcpkv://), left as it is',
  'nothing-to-rewrite': 'nothing to rewrite (the server gets the key from the vault when it starts)',
  missing: 'missing',
  'changed-by-hand': 'changed by hand, left alone',
  removed: 'removed',
  failed: 'FAILED',
};

/** One line per .env file or MCP client config a rotate, revoke or delete went through (with why it failed, or a mode it tightened). */
export function formatExportReports(reports: ExportReport[]): string[] {
  const note = (r: ExportReport) => (r.message && (r.outcome === 'failed' || r.outcome === 'updated') ? ` — ${r.message}` : '');
  const form = (r: ExportReport) => (r.form === 'reference' && r.outcome !== 'reference' ? ' (a reference)' : '');
  const where = (r: ExportReport) => (r.client && r.server !== undefined ? `${MCP_CLIENT_NAMES[r.client]} server "${r.server}", ${r.variable}` : r.variable);
  return reports.map((r) => `  ${r.file} (${where(r)}): ${OUTCOME_WORDS[r.outcome]}${form(r)}${note(r)}`);
}
