/** A dialog with the per-file report of a revoke or delete: what was done in each .env file and MCP client server. */
import type { ExportReport } from '../../../shared/exports';
import { Dialog } from '../ui/Dialog';
import { FileReportList, reportPlacesTitle, summarizeReports } from './FileReportList';

interface FileReportDialogProps {
  title: string;
  done: 'updated' | 'removed';
  reports: ExportReport[];
  onClose(): void;
}

export function FileReportDialog({ title, done, reports, onClose }: FileReportDialogProps) {
  return (
    <Dialog title={title} onClose={onClose} size="small">
      <div className="dialog-body">
        <p>{summarizeReports(reports, done)}</p>
        <FileReportList reports={reports} label={reportPlacesTitle(reports)} />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </Dialog>
  );
}
