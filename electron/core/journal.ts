/**
 * Intent markers for operations that write both the keychain and the store. One empty file per
 * operation in flight (`pending/<id>.<op>`), created before the keychain is touched and removed after the
 * store write. If a process dies in between, the next process that opens the vault finds the marker and
 * brings that key back to a whole state (see recoverInterrupted in recovery.ts). A marker holds no secret.
 *
 * Markers are not fsync'd: they guard against a killed process, whose writes the OS still completes;
 * the keychain and store writes themselves are durable.
 */
import fs from 'node:fs';
import path from 'node:path';

export type PendingOp = 'create' | 'rotate' | 'revoke' | 'delete';
const OPS: readonly PendingOp[] = ['create', 'rotate', 'revoke', 'delete'];

export interface PendingEntry {
  id: string;
  op: PendingOp;
}

export class Journal {
  constructor(readonly dir: string) {}

  private file(entry: PendingEntry): string {
    return path.join(this.dir, `${entry.id}.${entry.op}`);
  }

  begin(entry: PendingEntry): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(this.file(entry), '', { mode: 0o600 });
  }

  end(entry: PendingEntry): void {
    fs.rmSync(this.file(entry), { force: true });
  }

  /** Operations that began and did not end. Cheap when there are none: one readdir. */
  pending(): PendingEntry[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const match = /^([0-9a-f]{16})\.(\w+)$/.exec(name);
      return match && OPS.includes(match[2] as PendingOp) ? [{ id: match[1]!, op: match[2] as PendingOp }] : [];
    });
  }
}
