import { describe, expect, it } from 'vitest';
import { countByStatus, displayStatus, filterAndSortKeys, queryTerms, type KeyListQuery } from '../../shared/key-search';
import { DAY_MS as DAY } from '../../shared/key-status';
import type { KeyRecord, KeyView } from '../../shared/types';
import { iso, keyView } from '../helpers/key-builders';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');

/** A key listed at NOW, expiring in 90 days unless it says otherwise. */
const key = (fields: Partial<KeyRecord> & { name: string }): KeyView => keyView(NOW, { expiresAt: iso(NOW + 90 * DAY), ...fields });

const base: KeyListQuery = { query: '', status: 'all', sort: 'name' };
const names = (keys: KeyView[]) => keys.map((k) => k.name);

const keys: KeyView[] = [
  key({
    name: 'openai-prod',
    description: 'Production completions',
    owner: 'ana@example.com',
    permissions: ['completions:create', 'models:read'],
    metadata: { environment: 'production', team: 'Platform' },
    createdAt: iso(NOW - 30 * DAY),
    lastUsedAt: iso(NOW - 2 * DAY),
  }),
  key({
    name: 'Beta staging',
    description: 'staging only',
    owner: 'bo@example.com',
    permissions: ['read'],
    metadata: { environment: 'staging' },
    createdAt: iso(NOW - 5 * DAY),
    expiresAt: iso(NOW + 3 * DAY),
    lastUsedAt: iso(NOW - 1 * DAY),
  }),
  key({
    name: 'ci-runner',
    permissions: ['files:read', 'files:write'],
    createdAt: iso(NOW - 60 * DAY),
    expiresAt: iso(NOW - 1 * DAY),
  }),
  key({
    name: 'old-integration',
    createdAt: iso(NOW - 400 * DAY),
    expiresAt: null,
    revokedAt: iso(NOW - 100 * DAY),
    lastUsedAt: iso(NOW - 120 * DAY),
  }),
  key({ name: 'alpha', createdAt: iso(NOW - 1 * DAY), expiresAt: null }),
];

describe('filterAndSortKeys: search', () => {
  it('returns every key for an empty or blank query', () => {
    expect(filterAndSortKeys(keys, base, NOW)).toHaveLength(keys.length);
    expect(filterAndSortKeys(keys, { ...base, query: '   ' }, NOW)).toHaveLength(keys.length);
  });

  it.each([
    ['name', 'openai', ['openai-prod']],
    ['name, any case', 'BETA', ['Beta staging']],
    ['description', 'completions', ['openai-prod']],
    ['owner', 'bo@example', ['Beta staging']],
    ['permission', 'files:write', ['ci-runner']],
    ['metadata name', 'team', ['openai-prod']],
    ['metadata value', 'platform', ['openai-prod']],
    ['metadata value shared by two keys', 'environment', ['Beta staging', 'openai-prod']],
    ['metadata name=value', 'environment=staging', ['Beta staging']],
    ['metadata name=value, any case, while typing', 'Environment=Stag', ['Beta staging']],
    ['metadata name=value not held', 'team=staging', []],
  ])('matches on %s', (_field, query, expected) => {
    expect(names(filterAndSortKeys(keys, { ...base, query }, NOW))).toEqual(expected);
  });

  it('requires every term to match (in any field)', () => {
    expect(names(filterAndSortKeys(keys, { ...base, query: 'staging bo@' }, NOW))).toEqual(['Beta staging']);
    expect(names(filterAndSortKeys(keys, { ...base, query: 'staging ana@' }, NOW))).toEqual([]);
  });

  it('does not match across field boundaries', () => {
    // "prod" ends the name and "Production" starts the description: "prodproduction" is in neither.
    expect(filterAndSortKeys(keys, { ...base, query: 'prodproduction' }, NOW)).toEqual([]);
  });

  it('finds nothing for a query no key holds', () => {
    expect(filterAndSortKeys(keys, { ...base, query: 'zzz-nothing' }, NOW)).toEqual([]);
  });

  it('matches a key id by its start, as the CLI resolves ids', () => {
    const list = [key({ name: 'one', id: 'a1b2c3d4e5f60718' }), key({ name: 'two', id: 'ffff150000000000' })];
    expect(names(filterAndSortKeys(list, { ...base, query: 'a1b2c3d4e5f60718' }, NOW))).toEqual(['one']);
    expect(names(filterAndSortKeys(list, { ...base, query: 'A1B2' }, NOW))).toEqual(['one']);
    // Digits typed must not hit the middle of a random id.
    expect(filterAndSortKeys(list, { ...base, query: '150' }, NOW)).toEqual([]);
    expect(filterAndSortKeys(list, { ...base, query: 'c3d4' }, NOW)).toEqual([]);
    // Short prefixes would match by chance: like the CLI, 4 characters at least.
    expect(filterAndSortKeys(list, { ...base, query: 'a1b' }, NOW)).toEqual([]);
  });

  it('stays right when a typed term grows into an id prefix', () => {
    const list = [key({ name: 'one', id: 'a1b2c3d4e5f60718' }), key({ name: 'a1b-thing', id: '0000000000000001' })];
    expect(names(filterAndSortKeys(list, { ...base, query: 'a1b' }, NOW))).toEqual(['a1b-thing']);
    expect(names(filterAndSortKeys(list, { ...base, query: 'a1b2' }, NOW))).toEqual(['one']);
  });

  it('never searches the masked key or anything secret-like (there is no secret in a view)', () => {
    expect(filterAndSortKeys(keys, { ...base, query: 'mcp_sk_' }, NOW)).toEqual([]);
  });
});

describe('filterAndSortKeys: status filter', () => {
  it.each([
    ['all', ['alpha', 'Beta staging', 'ci-runner', 'old-integration', 'openai-prod']],
    // Active is the CLI's active-only: expiring-soon keys are active too.
    ['active', ['alpha', 'Beta staging', 'openai-prod']],
    ['expiring', ['Beta staging']],
    ['expired', ['ci-runner']],
    ['revoked', ['old-integration']],
  ] as const)('%s', (status, expected) => {
    expect(names(filterAndSortKeys(keys, { ...base, status }, NOW))).toEqual(expected);
  });

  it('judges status at `now`, not when the list was loaded', () => {
    const later = NOW + 4 * DAY;
    expect(names(filterAndSortKeys(keys, { ...base, status: 'expired' }, later))).toEqual(['Beta staging', 'ci-runner']);
    expect(names(filterAndSortKeys(keys, { ...base, status: 'expiring' }, later))).toEqual([]);
  });

  it('combines with the query', () => {
    expect(names(filterAndSortKeys(keys, { ...base, status: 'active', query: 'environment' }, NOW))).toEqual([
      'Beta staging',
      'openai-prod',
    ]);
    expect(filterAndSortKeys(keys, { ...base, status: 'revoked', query: 'environment' }, NOW)).toEqual([]);
  });
});

describe('filterAndSortKeys: sort', () => {
  it('by name, case-insensitively and numerically', () => {
    const list = [key({ name: 'key-10' }), key({ name: 'Key-2' }), key({ name: 'key-1' })];
    expect(names(filterAndSortKeys(list, base, NOW))).toEqual(['key-1', 'Key-2', 'key-10']);
  });

  it('by created: newest first', () => {
    expect(names(filterAndSortKeys(keys, { ...base, sort: 'created' }, NOW))).toEqual([
      'alpha',
      'Beta staging',
      'openai-prod',
      'ci-runner',
      'old-integration',
    ]);
  });

  it('by expiry: soonest first, never-expiring last (ties by name)', () => {
    expect(names(filterAndSortKeys(keys, { ...base, sort: 'expiry' }, NOW))).toEqual([
      'ci-runner',
      'Beta staging',
      'openai-prod',
      'alpha',
      'old-integration',
    ]);
  });

  it('by last used: most recent first, never used last', () => {
    expect(names(filterAndSortKeys(keys, { ...base, sort: 'lastUsed' }, NOW))).toEqual([
      'Beta staging',
      'openai-prod',
      'old-integration',
      'alpha',
      'ci-runner',
    ]);
  });

  it('does not reorder or change the input list', () => {
    const copy = [...keys];
    filterAndSortKeys(keys, { ...base, sort: 'expiry' }, NOW);
    expect(keys).toEqual(copy);
  });
});

describe('caching per list identity', () => {
  it('sees a new list (a reload) at once, even when keys changed in place of the old ones', () => {
    const first = [key({ name: 'one', description: 'apples' })];
    expect(names(filterAndSortKeys(first, { ...base, query: 'apples' }, NOW))).toEqual(['one']);
    const reloaded = [{ ...first[0]!, description: 'pears' }];
    expect(filterAndSortKeys(reloaded, { ...base, query: 'apples' }, NOW)).toEqual([]);
    expect(names(filterAndSortKeys(reloaded, { ...base, query: 'pears' }, NOW))).toEqual(['one']);
  });
});

describe('typing on and deleting back', () => {
  it('answer each keystroke as a fresh search would', () => {
    const typed = 'environment staging';
    const fresh = (query: string) => names(filterAndSortKeys([...keys], { ...base, query }, NOW));
    const steps = [...Array.from({ length: typed.length + 1 }, (_, i) => typed.slice(0, i))];
    const sequence = [...steps, ...steps.slice().reverse(), 'prod', 'production', 'pro', 'team', 'ci'];
    for (const query of sequence) {
      expect(names(filterAndSortKeys(keys, { ...base, query }, NOW)), query).toEqual(fresh(query));
    }
  });

  it('start over when the filter, sort or clock changes', () => {
    expect(names(filterAndSortKeys(keys, { ...base, status: 'revoked', query: 'o' }, NOW))).toEqual(['old-integration']);
    expect(names(filterAndSortKeys(keys, { ...base, status: 'all', query: 'op' }, NOW))).toEqual(['openai-prod']);
    expect(names(filterAndSortKeys(keys, { ...base, sort: 'created', query: 'opx' }, NOW))).toEqual([]);
    expect(names(filterAndSortKeys(keys, { ...base, status: 'expired', query: 'i' }, NOW))).toEqual(['ci-runner']);
    expect(names(filterAndSortKeys(keys, { ...base, status: 'expired', query: 'i' }, NOW + 4 * DAY))).toEqual([
      'Beta staging',
      'ci-runner',
    ]);
  });
});

describe('displayStatus and counts', () => {
  it('tells expiring-soon keys apart from active ones', () => {
    expect(displayStatus(keys[0]!, NOW)).toBe('active');
    expect(displayStatus(keys[1]!, NOW)).toBe('expiring');
    expect(displayStatus(keys[2]!, NOW)).toBe('expired');
    expect(displayStatus(keys[3]!, NOW)).toBe('revoked');
    expect(displayStatus(keys[4]!, NOW)).toBe('active');
  });

  it('counts what each filter shows', () => {
    expect(countByStatus(keys, NOW)).toEqual({ all: 5, active: 3, expiring: 1, expired: 1, revoked: 1 });
  });

  it('splits a query into lowercase terms', () => {
    expect(queryTerms('  Foo   BAR ')).toEqual(['foo', 'bar']);
  });
});

describe('at 10,000 keys (its speed: npm run bench, group search)', () => {
  function bigList(n: number): KeyView[] {
    const envs = ['production', 'staging', 'development', 'preview'];
    const teams = ['platform', 'data', 'growth', 'infra', 'billing'];
    return Array.from({ length: n }, (_, i) =>
      key({
        name: `service-${i}-${teams[i % teams.length]}`,
        description: `Key ${i} for the ${teams[i % teams.length]} team's ${envs[i % envs.length]} workloads`,
        owner: `user${i % 97}@example.com`,
        permissions: i % 3 === 0 ? ['read', 'write'] : ['completions:create'],
        metadata: { environment: envs[i % envs.length]!, team: teams[i % teams.length]!, ticket: `OPS-${i}` },
        createdAt: iso(NOW - (i % 500) * DAY),
        expiresAt: i % 11 === 0 ? null : iso(NOW + ((i % 200) - 20) * DAY),
        revokedAt: i % 17 === 0 ? iso(NOW - DAY) : null,
        lastUsedAt: i % 5 === 0 ? null : iso(NOW - (i % 90) * DAY),
      }),
    );
  }

  // 12 searches from scratch at 10,000 keys: a generous limit, a hang guard (not a timing).
  it('answers each keystroke of a long query, under every sort and filter, as a fresh search would', { timeout: 60_000 }, () => {
    const list = bigList(10_000);
    const typed = 'production platform';
    for (const sort of ['name', 'created', 'expiry', 'lastUsed'] as const) {
      for (const status of ['all', 'active', 'expiring'] as const) {
        let answer: KeyView[] = [];
        for (let i = 0; i <= typed.length; i++) answer = filterAndSortKeys(list, { query: typed.slice(0, i), status, sort }, NOW);
        // Narrowed keystroke by keystroke, the answer is that of a search with nothing cached (a new list).
        expect(names(answer), `${sort} ${status}`).toEqual(names(filterAndSortKeys([...list], { query: typed, status, sort }, NOW)));
      }
    }
  });

  it('gives the right answer at that size', () => {
    const list = bigList(10_000);
    const result = filterAndSortKeys(list, { query: 'ops-1234', status: 'all', sort: 'name' }, NOW);
    expect(names(result)).toEqual(['service-1234-billing']);
  });
});
