/** The rotate result's part about files: each .env file the key was written to (and MCP server it reaches), and what happened to it. */
import type { ExportReport } from '../../../shared/exports';
import { FileReportList, reportPlacesTitle, summarizeReports } from './FileReportList';

export function RotatedFiles({ reports }: { reports: ExportReport[] }) {
  if (reports.length === 0) return null;
  return (
    <section className="file-report-section" aria-labelledby="rotated-files-title">
      <h3 id="rotated-files-title" className="file-report-title">
        {reportPlacesTitle(reports)}
      </h3>
      <p className="file-report-summary">{summarizeReports(reports, 'updated')}</p>
      <FileReportList reports={reports} label="Files the key was written to" />
    </section>
  );
}
