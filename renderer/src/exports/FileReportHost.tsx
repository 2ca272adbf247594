/** Shows a per-file report left by a dialog that has closed (see fileReportStore). */
import { useFileReport } from './fileReportStore';
import { FileReportDialog } from './FileReportDialog';

export function FileReportHost() {
  const report = useFileReport((s) => s.report);
  const close = useFileReport((s) => s.close);
  return report ? <FileReportDialog {...report} onClose={close} /> : null;
}
