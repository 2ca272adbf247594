/**
 * The activity log: what happened to which key, when — never a secret. It lives outside the hot `vault.json`
 * (which is rewritten on every change) in an append-only `activity.jsonl` (one JSON event per line, mode 0600)
 * in the vault folder.
 *
 * - Appends run under a cross-process lock (proper-lockfile), so the app and any number of CLIs interleave
 *   whole lines, and compaction never races an append.
 * - The log keeps the newest MAX_EVENTS events. It may grow to COMPACT_AT lines; the append that passes that
 *   rewrites it atomically (writeFileAtomic) with only the newest MAX_EVENTS. Readers apply the cap as well.
 * - A torn last line (a crash mid-append) is skipped when reading, and the next append starts on a new line.
 * - Counting lines is incremental: only bytes appended since this process last looked are scanned.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ACTIVITY_TYPES, queryActivity, type ActivityPage, type ActivityQuery } from '../../shared/activity';
import type { ActivityEvent, ActivityType } from '../../shared/types';
import { lockFile } from './file-lock';
import { writeFileAtomic } from './atomic-write';
import type { ActivitySink } from './vault';

export const ACTIVITY_FILE_NAME = 'activity.jsonl';
export const ACTIVITY_MAX_EVENTS = 10_000;
export const ACTIVITY_COMPACT_AT = 11_000;

const NEWLINE = 0x0a;
const TEXT_MAX = 500;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;
const TYPES = new Set<string>(ACTIVITY_TYPES);

export interface ActivityLogOptions {
  maxEvents?: number;
  compactAt?: number;
}

/** Only the fields of an event, as short single-line text: nothing else of what a caller passes gets written. */
function clean(event: ActivityEvent): ActivityEvent {
  const text = (value: string) => String(value).replace(CONTROL_CHARS, ' ').slice(0, TEXT_MAX);
  if (!TYPES.has(event.type)) throw new TypeError('unknown activity type');
  return {
    at: text(event.at),
    type: event.type,
    keyId: text(event.keyId),
    keyName: text(event.keyName),
    ...(event.detail !== undefined && { detail: text(event.detail) }),
  };
}

/** One line of the file as an event, or undefined for anything else (a torn or foreign line). */
export function parseActivityLine(line: string): ActivityEvent | undefined {
  if (!line.startsWith('{')) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const e = raw as Record<string, unknown>;
  if (typeof e.type !== 'string' || !TYPES.has(e.type)) return undefined;
  if (typeof e.keyId !== 'string' || typeof e.keyName !== 'string' || typeof e.at !== 'string') return undefined;
  if (e.detail !== undefined && typeof e.detail !== 'string') return undefined;
  return {
    at: e.at,
    type: e.type as ActivityType,
    keyId: e.keyId,
    keyName: e.keyName,
    ...(e.detail !== undefined && { detail: e.detail }),
  };
}

function countNewlines(buffer: Buffer, end = buffer.length): number {
  let count = 0;
  for (let i = buffer.indexOf(NEWLINE); i !== -1 && i < end; i = buffer.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

export class ActivityLog implements ActivitySink {
  readonly path: string;
  private readonly maxEvents: number;
  private readonly compactAt: number;
  /** Newlines in the file as this process last saw it, keyed by inode and size. */
  private counted: { ino: number; size: number; lines: number } | undefined;
  /** proper-lockfile's lock is per process: this keeps our own appends in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(home: string, options: ActivityLogOptions = {}) {
    this.path = path.join(home, ACTIVITY_FILE_NAME);
    this.maxEvents = options.maxEvents ?? ACTIVITY_MAX_EVENTS;
    this.compactAt = Math.max(options.compactAt ?? ACTIVITY_COMPACT_AT, this.maxEvents);
  }

  /** Appends one event. The vault calls this after an operation succeeded; it swallows a failure of ours. */
  record(event: ActivityEvent): Promise<void> {
    let line: string;
    try {
      line = `${JSON.stringify(clean(event))}\n`;
    } catch (error) {
      return Promise.reject(error);
    }
    const run = this.queue.then(() => this.locked(() => this.append(line)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Events, oldest first, at most the newest `maxEvents`. A missing file is an empty log. */
  async readAll(): Promise<ActivityEvent[]> {
    let text: string;
    try {
      text = await fsp.readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return this.parse(text);
  }

  /** Newest first, filtered by key, types and text, one page of it. */
  async list(query: ActivityQuery = {}): Promise<ActivityPage> {
    return queryActivity(await this.readAll(), query);
  }

  private parse(text: string): ActivityEvent[] {
    const events: ActivityEvent[] = [];
    for (const line of text.split('\n')) {
      const event = parseActivityLine(line.trim());
      if (event) events.push(event);
    }
    return events.length > this.maxEvents ? events.slice(events.length - this.maxEvents) : events;
  }

  private async locked<T>(task: () => Promise<T>): Promise<T> {
    fs.mkdirSync(path.dirname(this.path), { recursive: true, mode: 0o700 });
    const release = await lockFile(this.path);
    try {
      return await task();
    } finally {
      await release().catch(() => undefined);
    }
  }

  private async append(line: string): Promise<void> {
    const handle = await fsp.open(this.path, 'a+', 0o600);
    let lines: number;
    try {
      const st = await handle.stat();
      let text = line;
      if (st.size > 0) {
        // A torn last line (no newline) must not swallow ours: start on a line of our own.
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, st.size - 1);
        if (last[0] !== NEWLINE) text = `\n${line}`;
      }
      const before = await this.countLines(handle, st);
      const bytes = Buffer.from(text, 'utf8');
      await handle.write(bytes);
      lines = before + countNewlines(bytes);
      this.counted = { ino: st.ino, size: st.size + bytes.length, lines };
    } finally {
      await handle.close();
    }
    if (lines > this.compactAt) await this.compact();
  }

  /** Newlines in the file: incremental from what we counted before when the file only grew since. */
  private async countLines(handle: fsp.FileHandle, st: fs.Stats): Promise<number> {
    const known = this.counted;
    const from = known && known.ino === st.ino && known.size <= st.size ? known.size : 0;
    let lines = from > 0 ? known!.lines : 0;
    const chunk = Buffer.alloc(64 * 1024);
    for (let position = from; position < st.size; ) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, st.size - position), position);
      if (bytesRead === 0) break;
      lines += countNewlines(chunk, bytesRead);
      position += bytesRead;
    }
    return lines;
  }

  /** Keeps the newest `maxEvents` events, dropping torn and foreign lines: an atomic rewrite, mode kept (0600). */
  private async compact(): Promise<void> {
    const kept = this.parse(await fsp.readFile(this.path, 'utf8'));
    const text = kept.map((event) => `${JSON.stringify(event)}\n`).join('');
    await writeFileAtomic(this.path, text, { mode: 0o600 });
    const st = await fsp.stat(this.path);
    this.counted = { ino: st.ino, size: st.size, lines: kept.length };
  }
}
