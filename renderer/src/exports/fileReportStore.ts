/**
 * A per-file report to show after the dialog that caused it has gone (a deleted key's dialog closes with
 * the key). File paths, variable names and outcomes only: nothing secret.
 */
import { create } from 'zustand';
import type { ExportReport } from '../../../shared/exports';

export interface FileReport {
  title: string;
  done: 'updated' | 'removed';
  reports: ExportReport[];
}

interface FileReportState {
  report: FileReport | null;
  show(report: FileReport): void;
  close(): void;
}

export const useFileReportStore = create<FileReportState>()((set) => ({
  report: null,
  show: (report) => set({ report }),
  close: () => set({ report: null }),
}));
