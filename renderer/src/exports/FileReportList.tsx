/**
 * What happened in each .env file a key was written to, and each MCP client server it was connected to, after a
 * rotate, revoke or delete: updated, removed, missing, changed by hand (left alone) or failed — with main's words
 * for the last ones.
 */
import type { ExportOutcome, ExportReport } from '../../../shared/exports';
import { MCP_CLIENT_NAMES } from '../../../shared/mcp';
import { plural } from '../format';
import { FORM_LABELS, slotLabel } from '../mcp/mcpLabels';
import { mcpServerKey, serverCount } from '../mcp/useKeyConnections';
import { Icon } from '../ui/Icon';
import './exports.css';

const OUTCOMES: Record<ExportOutcome, { label: string; tone: 'ok' | 'quiet' | 'warn' | 'danger' }> = {
  updated: { label: 'Updated', tone: 'ok' },
  removed: { label: 'Removed', tone: 'ok' },
  unchanged: { label: 'Already up to date', tone: 'quiet' },
  reference: { label: 'A reference to the key — nothing to change', tone: 'quiet' },
  'nothing-to-rewrite': { label: 'Started through the vault — nothing to rewrite', tone: 'quiet' },
  missing: { label: 'Missing', tone: 'warn' },
  'changed-by-hand': { label: 'Changed by hand — left alone', tone: 'warn' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** `my-app/.env` from `/home/ana/code/my-app/.env`: enough to recognise the file (the full path is its title). */
function shortPath(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).slice(-2).join('/');
}

const isMcp = (report: ExportReport) => report.client !== undefined;

/** "2 files", "1 MCP server", "2 .env files and 1 MCP server" (.env files, and servers: a server's slots count once), and how many. */
function places(reports: ExportReport[]): { text: string; count: number } {
  const files = reports.filter((r) => !isMcp(r)).length;
  const servers = serverCount(reports.filter(isMcp).map((r) => ({ file: r.file, serverPath: r.serverPath ?? [] })));
  // Beside servers (which live in files too), the files are named for what they are.
  const file = servers ? '.env file' : 'file';
  return { text: [files ? plural(files, file) : '', servers ? plural(servers, 'MCP server') : ''].filter(Boolean).join(' and '), count: files + servers };
}

/** What the report's list is of: its title and accessible name. */
export function reportPlacesTitle(reports: ExportReport[]): string {
  if (!reports.some(isMcp)) return '.env files';
  return reports.every(isMcp) ? 'MCP servers' : '.env files and MCP servers';
}

export function summarizeReports(reports: ExportReport[], done: 'updated' | 'removed'): string {
  const fine = (r: ExportReport) => r.outcome === done || r.outcome === 'unchanged' || r.outcome === 'reference' || r.outcome === 'nothing-to-rewrite';
  const ok = places(reports.filter(fine));
  const left = places(reports.filter((r) => !fine(r)));
  const verb = done === 'updated' ? 'Updated' : 'Removed from';
  if (left.count === 0) return `${verb} ${ok.text}.`;
  const needs = `${left.text} need${left.count === 1 ? 's' : ''} a look.`;
  return ok.count ? `${verb} ${ok.text}; ${needs}` : needs;
}

export function FileReportList({ reports, label }: { reports: ExportReport[]; label: string }) {
  return (
    <ul className="file-report" aria-label={label}>
      {reports.map((report) => {
        const outcome = OUTCOMES[report.outcome];
        return (
          <li key={`${mcpServerKey({ file: report.file, serverPath: report.serverPath ?? [] })}\n${report.variable}`} className={`file-report-item is-${outcome.tone}`}>
            <span className="file-report-icon">
              <Icon name={outcome.tone === 'ok' || outcome.tone === 'quiet' ? 'check' : 'alert'} size={14} />
            </span>
            <div className="file-report-text">
              {report.client !== undefined ? (
                <span className="file-report-file">
                  <strong title={report.file}>{MCP_CLIENT_NAMES[report.client]}</strong>
                  <span className="file-report-server">{report.server}</span>
                  <code className="mono file-report-var">
                    {/* A launcher names an env variable; the proxy and the header form, a header. */}
                    {slotLabel({ kind: report.form === 'launcher' ? 'env' : 'header', name: report.variable })}
                    {report.form !== undefined && report.form !== 'reference' ? ` · ${FORM_LABELS[report.form]}` : null}
                  </code>
                </span>
              ) : (
                <span className="file-report-file">
                  <span className="mono" title={report.file}>
                    {shortPath(report.file)}
                  </span>
                  <code className="mono file-report-var">{report.variable}</code>
                </span>
              )}
              <span className="file-report-outcome">
                {outcome.label}
                {report.message && report.outcome !== 'changed-by-hand' ? `: ${report.message}` : null}
              </span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
