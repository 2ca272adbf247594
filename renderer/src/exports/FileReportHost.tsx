/** Shows a per-file report left by a dialog that has closed (see fileReportStore). */
import { useFileReportStore } from './fileReportStore';
import { FileReportDialog } from './FileReportDialog';

export function FileReportHost() {
  const report = useFileReportStore((s) => s.report);
  const close = useFileReportStore((s) => s.close);
  return report ? <FileReportDialog {...report} onClose={close} /> : null;
}
