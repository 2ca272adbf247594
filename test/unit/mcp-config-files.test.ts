/**
 * Writing a client's config: one atomic write of the text the edit was made on, refused when the file changed since
 * it was read (the client wrote it meanwhile) or when it is a link out of its folder; owner-only when it gets a secret.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfigText, writeConfigText } from '../../electron/core/mcp/config-files';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-config-')));
  file = path.join(dir, 'mcp.json');
  fs.writeFileSync(file, '{ "a": 1 }\n', { mode: 0o644 });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('writing a client config', () => {
  it('writes the edit, keeping the mode when no secret goes in; owner-only (and said) when one does', async () => {
    const read = (await readConfigText(file))!;
    expect(await writeConfigText(file, { expected: read, next: '{ "a": 2 }\n', secret: false, label: '~/mcp.json' })).toEqual({});
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    expect(await writeConfigText(file, { expected: '{ "a": 2 }\n', next: '{ "a": 3 }\n', secret: true, label: '~/mcp.json' })).toEqual({ tightened: { was: '644', now: '600' } });
    expect(fs.readFileSync(file, 'utf8')).toBe('{ "a": 3 }\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses when the file changed since it was read, and leaves the new content', async () => {
    const read = (await readConfigText(file))!;
    fs.writeFileSync(file, '{ "a": 1, "b": "the client wrote this" }\n');
    await expect(writeConfigText(file, { expected: read, next: '{ "a": 2 }\n', secret: false, label: '~/mcp.json' })).rejects.toThrow(
      '~/mcp.json changed since it was read; nothing was written. Try again.',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('{ "a": 1, "b": "the client wrote this" }\n');
    fs.rmSync(file);
    await expect(writeConfigText(file, { expected: read, next: '{}', secret: false, label: '~/mcp.json' })).rejects.toThrow(/changed since it was read/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('never writes through a link out of its folder; a user’s own config is read through one when asked', async () => {
    const outside = fs.mkdtempSync(path.join(dir, 'elsewhere-'));
    const target = path.join(outside, 'real.json');
    fs.writeFileSync(target, '{ "a": 1 }\n');
    const link = path.join(dir, 'sub', 'mcp.json');
    fs.mkdirSync(path.dirname(link));
    fs.symlinkSync(target, link);
    await expect(readConfigText(link)).rejects.toThrow(`${link} is a link to a place outside its folder; it is not written.`);
    expect(await readConfigText(link, true)).toBe('{ "a": 1 }\n');
    await expect(writeConfigText(link, { expected: '{ "a": 1 }\n', next: '{}', secret: false, label: 'x' })).rejects.toThrow(/is a link to a place outside its folder/);
    expect(fs.readFileSync(target, 'utf8')).toBe('{ "a": 1 }\n');
  });

  it('says what the file is when it is not text', async () => {
    fs.writeFileSync(file, Buffer.from([0x7b, 0x00, 0x7d]));
    await expect(readConfigText(file)).rejects.toThrow(`${file} does not look like an MCP client config: it is not UTF-8 text.`);
  });
});
