/**
 * What happened in each .env file a key was written to, after a rotate, revoke or delete: updated,
 * removed, missing, changed by hand (left alone) or failed — with main's words for the last ones.
 */
import type { ExportOutcome, ExportReport } from '../../../shared/exports';
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

export function summarizeReports(reports: ExportReport[], done: 'updated' | 'removed'): string {
  const ok = reports.filter((r) => r.outcome === done || r.outcome === 'unchanged' || r.outcome === 'reference' || r.outcome === 'nothing-to-rewrite').length;
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  const verb = done === 'updated' ? 'Updated' : 'Removed from';
  if (ok === reports.length) return `${verb} ${files(ok)}.`;
  const left = reports.length - ok;
  return ok ? `${verb} ${files(ok)}; ${files(left)} need${left === 1 ? 's' : ''} a look.` : `${files(left)} need${left === 1 ? 's' : ''} a look.`;
}

export function FileReportList({ reports, label }: { reports: ExportReport[]; label: string }) {
  return (
    <ul className="file-report" aria-label={label}>
      {reports.map((report) => {
        const outcome = OUTCOMES[report.outcome];
        return (
          <li key={`${report.file}\n${report.server ?? ''}\n${report.variable}`} className={`file-report-item is-${outcome.tone}`}>
            <span className="file-report-icon">
              <Icon name={outcome.tone === 'ok' || outcome.tone === 'quiet' ? 'check' : 'alert'} size={14} />
            </span>
            <div className="file-report-text">
              <span className="file-report-file">
                <span className="mono" title={report.file}>
                  {shortPath(report.file)}
                </span>
                {report.server !== undefined ? <span className="file-report-server">{report.server}</span> : null}
                <code className="mono file-report-var">{report.variable}</code>
              </span>
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
