/** The activity log file: append-only JSON lines, capped, compacted atomically, tolerant of a torn last line. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryActivity } from '../../shared/activity';
import type { ActivityEvent, ActivityType } from '../../shared/types';
import { ACTIVITY_COMPACT_AT, ACTIVITY_FILE_NAME, ACTIVITY_MAX_EVENTS, ActivityLog } from '../../electron/core/activity-log';
import { repoRoot } from '../helpers/test-vault';

let home: string;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-activity-'));
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

const file = () => path.join(home, ACTIVITY_FILE_NAME);
const lines = () => fs.readFileSync(file(), 'utf8').split('\n').filter(Boolean);
const event = (n: number, type: ActivityType = 'copied', keyId = 'aaaaaaaaaaaaaaaa'): ActivityEvent => ({
  type,
  keyId,
  keyName: `key ${n}`,
  at: new Date(Date.UTC(2030, 0, 1) + n * 1000).toISOString(),
  detail: `n=${n}`,
});

describe('activity log file', () => {
  it('appends one JSON line per event to activity.jsonl, mode 0600, and reads newest first', async () => {
    const log = new ActivityLog(home);
    for (let n = 1; n <= 3; n++) await log.record(event(n));
    expect(lines().map((l) => JSON.parse(l).detail)).toEqual(['n=1', 'n=2', 'n=3']);
    if (process.platform !== 'win32') expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
    const page = await log.list();
    expect(page.total).toBe(3);
    expect(page.events.map((e) => e.detail)).toEqual(['n=3', 'n=2', 'n=1']);
    expect(await new ActivityLog(path.join(home, 'nothing-yet')).list()).toEqual({ events: [], total: 0 });
  });

  it('writes only the event fields, on one line', async () => {
    const log = new ActivityLog(home);
    await log.record({ ...event(1), keyName: 'evil\nname\u001b[31m', extra: 'not logged' } as ActivityEvent);
    expect(lines()).toHaveLength(1);
    const stored = JSON.parse(lines()[0]!);
    expect(Object.keys(stored).sort()).toEqual(['at', 'detail', 'keyId', 'keyName', 'type']);
    expect(stored.keyName).toBe('evil name [31m');
    await expect(log.record({ ...event(2), type: 'stolen' as ActivityType })).rejects.toThrow();
    expect(lines()).toHaveLength(1);
  });

  it('tolerates a torn last line: it is skipped, and the next event starts on a line of its own', async () => {
    const log = new ActivityLog(home);
    await log.record(event(1));
    fs.appendFileSync(file(), '{"type":"copied","keyId":"aaaa'); // a crash mid-append
    expect((await log.list()).events.map((e) => e.detail)).toEqual(['n=1']);
    await log.record(event(2));
    expect((await log.list()).events.map((e) => e.detail)).toEqual(['n=2', 'n=1']);
    // Garbage and foreign lines anywhere are skipped too.
    fs.appendFileSync(file(), 'not json\n{"type":"unknown","keyId":"a","keyName":"b","at":"c"}\n[]\n');
    await log.record(event(3));
    expect((await log.list()).events.map((e) => e.detail)).toEqual(['n=3', 'n=2', 'n=1']);
  });

  it('caps at maxEvents: passing compactAt rewrites the file with the newest maxEvents only', async () => {
    const log = new ActivityLog(home, { maxEvents: 10, compactAt: 15 });
    for (let n = 1; n <= 15; n++) await log.record(event(n));
    expect(lines()).toHaveLength(15);
    // Between the cap and the compaction point, readers still see only the newest 10.
    const page = await log.list({ limit: 100 });
    expect(page.total).toBe(10);
    expect(page.events.at(-1)!.detail).toBe('n=6');
    const inode = fs.statSync(file()).ino;
    await log.record(event(16));
    expect(lines().map((l) => JSON.parse(l).detail)).toEqual(Array.from({ length: 10 }, (_, i) => `n=${i + 7}`));
    expect(fs.statSync(file()).ino).not.toBe(inode); // an atomic rewrite (a new file renamed over), not a truncation
    if (process.platform !== 'win32') expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (let n = 17; n <= 21; n++) await log.record(event(n));
    expect(lines()).toHaveLength(15);
    await log.record(event(22));
    expect(lines()).toHaveLength(10);
  });

  it(`keeps the newest ${ACTIVITY_MAX_EVENTS} events by default, compacting past ${ACTIVITY_COMPACT_AT} lines`, async () => {
    const seeded = Array.from({ length: ACTIVITY_COMPACT_AT }, (_, i) => JSON.stringify(event(i))).join('\n') + '\n';
    fs.writeFileSync(file(), seeded, { mode: 0o600 });
    const log = new ActivityLog(home);
    expect((await log.list()).total).toBe(ACTIVITY_MAX_EVENTS);
    await log.record(event(ACTIVITY_COMPACT_AT));
    const kept = lines();
    expect(kept).toHaveLength(ACTIVITY_MAX_EVENTS);
    expect(JSON.parse(kept[0]!).detail).toBe(`n=${ACTIVITY_COMPACT_AT - ACTIVITY_MAX_EVENTS + 1}`);
    expect(JSON.parse(kept.at(-1)!).detail).toBe(`n=${ACTIVITY_COMPACT_AT}`);
  });

  it('counts lines another process appended (it does not trust its own count)', async () => {
    const a = new ActivityLog(home, { maxEvents: 10, compactAt: 12 });
    const b = new ActivityLog(home, { maxEvents: 10, compactAt: 12 });
    for (let n = 1; n <= 6; n++) await a.record(event(n));
    for (let n = 7; n <= 12; n++) await b.record(event(n));
    expect(lines()).toHaveLength(12);
    await a.record(event(13)); // a saw 6 lines; the file has 12 — it must notice and compact
    expect(lines()).toHaveLength(10);
  });

  it('appends from several processes at once interleave whole lines and lose nothing but the oldest', async () => {
    const run = (tag: string) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/helpers/activity-append.ts'), home, tag, '60', '100', '130'], {
          cwd: repoRoot,
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        child.on('error', reject);
        child.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all(['p1', 'p2', 'p3', 'p4'].map(run))).toEqual([0, 0, 0, 0]);
    const all = lines();
    expect(all.length).toBeGreaterThanOrEqual(100);
    expect(all.length).toBeLessThanOrEqual(130);
    for (const line of all) expect(() => JSON.parse(line)).not.toThrow();
    const names = all.map((l) => JSON.parse(l).keyName as string);
    expect(new Set(names).size).toBe(names.length);
    // Only the oldest are dropped: what is kept of each process is an unbroken run ending with its last event.
    for (const tag of ['p1', 'p2', 'p3', 'p4']) {
      const kept = names.filter((n) => n.startsWith(`${tag}-`)).map((n) => Number(n.slice(3)));
      if (kept.length === 0) continue;
      expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 60 - kept.length + i));
    }
    // The last line written is the last event of some process.
    expect(names.at(-1)).toMatch(/^p\d-59$/);
  }, 60_000);
});

describe('activity query', () => {
  const events: ActivityEvent[] = [
    { type: 'created', keyId: 'aaaaaaaaaaaaaaaa', keyName: 'Production Key', at: '2030-01-01T00:00:01.000Z' },
    { type: 'copied', keyId: 'aaaaaaaaaaaaaaaa', keyName: 'Production Key', at: '2030-01-01T00:00:02.000Z', detail: 'env' },
    { type: 'created', keyId: 'bbbbbbbbbbbbbbbb', keyName: 'OpenAI', at: '2030-01-01T00:00:03.000Z' },
    { type: 'exported', keyId: 'aaaaaaaaaaaaaaaa', keyName: 'Production Key', at: '2030-01-01T00:00:04.000Z', detail: '/srv/app/.env (MCP_API_KEY)' },
    { type: 'revoked', keyId: 'bbbbbbbbbbbbbbbb', keyName: 'OpenAI', at: '2030-01-01T00:00:05.000Z' },
  ];
  const ats = (page: { events: ActivityEvent[] }) => page.events.map((e) => e.at.slice(17, 19));

  it('filters by key, by types and by text (name, id, type, detail; any case), newest first', () => {
    expect(ats(queryActivity(events, { keyId: 'bbbbbbbbbbbbbbbb' }))).toEqual(['05', '03']);
    expect(ats(queryActivity(events, { types: ['created', 'revoked'] }))).toEqual(['05', '03', '01']);
    expect(ats(queryActivity(events, { query: 'openai' }))).toEqual(['05', '03']);
    expect(ats(queryActivity(events, { query: '/SRV/app' }))).toEqual(['04']);
    expect(ats(queryActivity(events, { keyId: 'aaaaaaaaaaaaaaaa', types: ['copied'], query: 'env' }))).toEqual(['02']);
    expect(queryActivity(events, { types: [] }).total).toBe(5);
  });

  it('pages with limit and offset; total counts every match', () => {
    expect(queryActivity(events, { limit: 2 })).toMatchObject({ total: 5 });
    expect(ats(queryActivity(events, { limit: 2 }))).toEqual(['05', '04']);
    expect(ats(queryActivity(events, { limit: 2, offset: 2 }))).toEqual(['03', '02']);
    expect(ats(queryActivity(events, { limit: 2, offset: 4 }))).toEqual(['01']);
    expect(queryActivity(events, { offset: 9 })).toEqual({ events: [], total: 5 });
  });
});
