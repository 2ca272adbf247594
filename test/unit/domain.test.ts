import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskSecret } from '../../shared/exports';
import { detectPrefix, fingerprintOf, KNOWN_PREFIXES, maskKey, MIN_SECRET_LENGTH, shownPrefix } from '../../shared/key-format';
import { describeExpiry, expiryFromDays, isExpiringSoon, keyStatus, toKeyView } from '../../shared/key-status';
import { createKeyInputSchema, editKeyInputSchema, parseOrThrow, secretSchema } from '../../shared/schemas';
import { VaultError } from '../../shared/errors';
import { generateKeyId, generateSecret, randomBase62 } from '../../electron/core/key-generator';
import type { KeyRecord } from '../../shared/types';
import { keyRecord } from '../helpers/key-builders';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');

const record = (fields: Partial<KeyRecord> = {}) => keyRecord(NOW, fields);

describe('key status', () => {
  it('is revoked, else expired past expiresAt, else active; expiring soon within 14 days', () => {
    expect(keyStatus(record(), NOW)).toBe('active');
    expect(keyStatus(record({ expiresAt: new Date(NOW - 1).toISOString() }), NOW)).toBe('expired');
    expect(keyStatus(record({ expiresAt: new Date(NOW).toISOString() }), NOW)).toBe('expired');
    expect(keyStatus(record({ revokedAt: new Date(NOW).toISOString(), expiresAt: new Date(NOW - 1).toISOString() }), NOW)).toBe('revoked');
    expect(isExpiringSoon(record({ expiresAt: new Date(NOW + 14 * DAY).toISOString() }), NOW)).toBe(true);
    expect(isExpiringSoon(record({ expiresAt: new Date(NOW + 14 * DAY + 1).toISOString() }), NOW)).toBe(false);
    expect(isExpiringSoon(record({ expiresAt: new Date(NOW - 1).toISOString() }), NOW)).toBe(false);
    expect(isExpiringSoon(record(), NOW)).toBe(false);
    expect(toKeyView(record({ expiresAt: new Date(NOW + DAY).toISOString() }), NOW)).toMatchObject({ status: 'active', expiringSoon: true });
  });

  it('expiry: days from now, 0 = never, described in words', () => {
    expect(expiryFromDays(0, NOW)).toBeNull();
    expect(expiryFromDays(90, NOW)).toBe(new Date(NOW + 90 * DAY).toISOString());
    expect(describeExpiry(null, NOW)).toBe('never');
    expect(describeExpiry(new Date(NOW + 3 * DAY).toISOString(), NOW)).toBe('in 3 days');
    expect(describeExpiry(new Date(NOW - DAY).toISOString(), NOW)).toBe('1 day ago');
  });
});

describe('key format', () => {
  it('masks as prefix…last4 and detects known prefixes, longest first', () => {
    expect(maskKey({ prefix: 'mcp_sk_', fingerprint: 'ab12' })).toBe('mcp_sk_…ab12');
    expect(detectPrefix('mcp_sk_xyz')).toBe('mcp_sk_');
    expect(detectPrefix('mcp_xyz')).toBe('mcp_');
    expect(detectPrefix('pmcp_xyz')).toBe('pmcp_');
    expect(detectPrefix('sk-proj-xyz')).toBe('sk-proj-');
    expect(detectPrefix('whatever')).toBe('');
    expect(fingerprintOf('abcdefghijklmnop')).toBe('mnop');
  });

  it('never shows much of a short value: no fingerprint under 16 characters, a prefix only with 16 more after it', () => {
    // Found by the audit: `pw12` was stored as its own fingerprint, `sk-9xZ` as prefix `sk-` + fingerprint `-9xZ`.
    expect(MIN_SECRET_LENGTH).toBe(16);
    expect(fingerprintOf('pw12')).toBe('');
    expect(fingerprintOf('sk-9xZ')).toBe('');
    expect(shownPrefix('sk-9xZ')).toBe('');
    expect(maskSecret('pw12')).toBe('••••');
    expect(maskSecret('sk-9xZ')).toBe('••••');
    expect(maskKey({ prefix: '', fingerprint: '' })).toBe('••••');
    // 16 characters: the last 4 may show, but `sk-` leaves only 13 after it, so no prefix.
    expect(fingerprintOf('sk-0123456789abc')).toBe('9abc');
    expect(shownPrefix('sk-0123456789abc')).toBe('');
    expect(shownPrefix('sk-0123456789abcdef')).toBe('sk-');
    expect(maskSecret('sk-0123456789abcdef')).toBe('sk-…cdef');
    // Whatever the value, a record shows a known prefix and at most 4 of at least 16 other characters.
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'sk-_mcpAZaz09'), maxLength: 40 }), (value) => {
        const prefix = shownPrefix(value);
        const fingerprint = fingerprintOf(value);
        expect(prefix === '' || KNOWN_PREFIXES.includes(prefix as (typeof KNOWN_PREFIXES)[number])).toBe(true);
        if (prefix || fingerprint) expect(value.length - prefix.length).toBeGreaterThanOrEqual(16);
        expect(fingerprint.length).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('refuses imports shorter than 16 characters, saying the minimum', () => {
    expect(() => parseOrThrow(secretSchema, 'pw12')).toThrow(/at least 16 characters/);
    expect(() => parseOrThrow(secretSchema, 'sk-9xZ')).toThrow(/at least 16 characters/);
    expect(parseOrThrow(secretSchema, 'sk-0123456789abc')).toBe('sk-0123456789abc');
  });

  it('refuses an imported value that cannot be written to a .env file so a shell reads it literally', () => {
    expect(() => parseOrThrow(secretSchema, "sk-live-0123456789'$(id)")).toThrow(/cannot be written to a .env file safely/);
    expect(() => parseOrThrow(secretSchema, 'sk-live-0123456789abcdef\\')).toThrow(/cannot be written to a .env file safely/);
    // `$`, backticks and backslashes alone are fine: they are written in single quotes.
    expect(parseOrThrow(secretSchema, '$(touch${IFS}/tmp/m)')).toBe('$(touch${IFS}/tmp/m)');
  });

  it('generates ids of 16 hex and secrets of prefix + 40 base62 characters, uniformly', () => {
    expect(generateKeyId()).toMatch(/^[0-9a-f]{16}$/);
    expect(generateSecret('mcp_sk_')).toMatch(/^mcp_sk_[0-9A-Za-z]{40}$/);
    // 40 × log2(62) ≈ 238 bits ≥ 190.
    expect(40 * Math.log2(62)).toBeGreaterThanOrEqual(190);
    const counts = new Map<string, number>();
    const sample = randomBase62(62 * 2000);
    for (const ch of sample) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Each character expected 2000 times; a biased modulo would skew the first 8 by ~25 %.
    for (const n of counts.values()) expect(Math.abs(n - 2000)).toBeLessThan(300);
  });
});

describe('input schemas', () => {
  const fails = (input: unknown, pattern: RegExp) => {
    let error: unknown;
    try {
      parseOrThrow(createKeyInputSchema, input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('VALIDATION');
    expect((error as VaultError).message).toMatch(pattern);
  };

  it('accepts a full valid input, trimming the name and de-duplicating permissions', () => {
    const parsed = parseOrThrow(createKeyInputSchema, {
      name: '  Prod  ', description: 'd', owner: 'a@b.c', permissions: ['read', 'read', 'custom.scope-1'], metadata: { environment: 'prod' },
      expiresInDays: 30, prefix: 'pmcp_',
    });
    expect(parsed).toMatchObject({ name: 'Prod', permissions: ['read', 'custom.scope-1'], metadata: { environment: 'prod' } });
  });

  it('refuses bad input in words that name the field, never echoing the value', () => {
    fails({}, /Name/);
    fails({ name: '   ' }, /Name is required/);
    fails({ name: 'a\u001b[31m' }, /control characters/);
    fails({ name: 'ok', description: 'x'.repeat(1001) }, /Description must be at most 1000/);
    fails({ name: 'ok', permissions: ['UPPER'] }, /Permission/);
    fails({ name: 'ok', expiresInDays: 1.5 }, /whole number/);
    fails({ name: 'ok', expiresInDays: 99999 }, /at most 3650/);
    fails({ name: 'ok', expiresAt: 'tomorrow' }, /ISO 8601/);
    fails({ name: 'ok', prefix: 'has space' }, /Prefix/);
    fails({ name: 'ok', metadata: JSON.parse('{"constructor":"x"}') }, /reserved/);
    fails({ name: 'ok', unexpected: 1 }, /Unknown field/);
    fails({ name: 'ok', importSecret: 'mcp_sk_secret\nsecond' }, /single line/);
    try {
      parseOrThrow(createKeyInputSchema, { name: 'ok', importSecret: 'mcp_sk_TOPSECRET with space' });
    } catch (e) {
      expect((e as Error).message).not.toContain('TOPSECRET');
    }
  });

  it('edit takes any subset of fields, and nothing else', () => {
    expect(parseOrThrow(editKeyInputSchema, {})).toEqual({});
    expect(() => parseOrThrow(editKeyInputSchema, { prefix: 'x' })).toThrow(/Unknown field/);
  });
});
