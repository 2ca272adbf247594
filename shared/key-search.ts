/**
 * Search, status filter and sort for the keys list: one pure function, fast enough to run on every
 * keystroke over 10,000 keys. The expensive parts (a lowercase haystack per key, parsed dates, the four
 * sort orders) are computed once per list identity and cached in a WeakMap, so a keystroke costs one
 * linear scan of a presorted array. Haystacks are built on the first query that needs them, not when a
 * list arrives: the first paint of a new list does not wait for them.
 */
import { DAY_MS, EXPIRING_SOON_DAYS } from './key-status';
import type { KeyView } from './types';

/** "Active" is the CLI's active-only (expiring soon included); "expiring" is active and close to expiry. */
export type StatusFilter = 'all' | 'active' | 'expiring' | 'expired' | 'revoked';
export type KeySort = 'name' | 'created' | 'expiry' | 'lastUsed';
/**
 * What a badge shows: the key's status, with active keys close to expiry told apart, and keys whose value is
 * missing from the keychain (`missing`: nothing to copy or write until a value is imported).
 */
export type DisplayStatus = 'active' | 'expiring' | 'expired' | 'revoked' | 'missing';

export interface KeyListQuery {
  query: string;
  status: StatusFilter;
  sort: KeySort;
}

export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'active', 'expiring', 'expired', 'revoked'];
export const KEY_SORTS: readonly KeySort[] = ['name', 'created', 'expiry', 'lastUsed'];

export const ID_PREFIX_MIN = 4;
const SOON_MS = EXPIRING_SOON_DAYS * DAY_MS;
const NEVER = Number.POSITIVE_INFINITY;

interface Entry {
  key: KeyView;
  /** Every searchable field, lowercased, separated by newlines (a query term never holds one); built on first search. */
  haystack: string | null;
  /**
   * Ids match by a prefix of 4+ characters only, as the CLI resolves them: digits typed must not hit
   * the middle (or, when short, the start) of a random hex id.
   */
  id: string;
  createdMs: number;
  /** +Infinity = never expires. */
  expiresMs: number;
  /** -Infinity = never used. */
  lastUsedMs: number;
  revoked: boolean;
}

interface ListIndex {
  entries: Entry[];
  orders: Partial<Record<KeySort, Entry[]>>;
}

const indexes = new WeakMap<readonly KeyView[], ListIndex>();

function parseTime(iso: string | null, fallback: number): number {
  if (iso === null) return fallback;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? fallback : ms;
}

function haystackOf(key: KeyView): string {
  const parts = [key.name, key.description, key.owner, ...key.permissions];
  // `name=value` too, so a term such as `environment=staging` (or `environment=stag` while typing) finds the pair.
  for (const [name, value] of Object.entries(key.metadata)) parts.push(name, value, `${name}=${value}`);
  return parts.join('\n').toLowerCase();
}

function toEntry(key: KeyView): Entry {
  return {
    key,
    haystack: null,
    id: key.id.toLowerCase(),
    createdMs: parseTime(key.createdAt, 0),
    expiresMs: parseTime(key.expiresAt, NEVER),
    lastUsedMs: parseTime(key.lastUsedAt, Number.NEGATIVE_INFINITY),
    revoked: key.revokedAt !== null,
  };
}

function indexOf(keys: readonly KeyView[]): ListIndex {
  let index = indexes.get(keys);
  if (!index) {
    index = { entries: keys.map(toEntry), orders: {} };
    indexes.set(keys, index);
  }
  return index;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function byName(a: Entry, b: Entry): number {
  return collator.compare(a.key.name, b.key.name) || (a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0);
}

/** Numbers ascending with ties broken by name; infinities compare equal to themselves. */
function byNumber(pick: (e: Entry) => number, direction: 1 | -1) {
  return (a: Entry, b: Entry): number => {
    const x = pick(a);
    const y = pick(b);
    if (x !== y) return x < y ? -direction : direction;
    return byName(a, b);
  };
}

const comparators: Record<KeySort, (a: Entry, b: Entry) => number> = {
  name: byName,
  // Newest first.
  created: byNumber((e) => e.createdMs, -1),
  // Soonest first (already expired before that), never-expiring last.
  expiry: byNumber((e) => e.expiresMs, 1),
  // Most recently used first, never-used last.
  lastUsed: byNumber((e) => e.lastUsedMs, -1),
};

function orderOf(index: ListIndex, sort: KeySort): Entry[] {
  let order = index.orders[sort];
  if (!order) {
    order = [...index.entries].sort(comparators[sort]);
    index.orders[sort] = order;
  }
  return order;
}

function statusAt(entry: Pick<Entry, 'revoked' | 'expiresMs'>, now: number): Exclude<DisplayStatus, 'missing'> {
  if (entry.revoked) return 'revoked';
  if (entry.expiresMs <= now) return 'expired';
  return entry.expiresMs - now <= SOON_MS ? 'expiring' : 'active';
}

/** The badge of a key at `now` (the list may be older than the clock, so this is not read from the view). */
export function displayStatus(key: Pick<KeyView, 'revokedAt' | 'expiresAt' | 'secretMissing'>, now: number): DisplayStatus {
  if (key.secretMissing && key.revokedAt === null) return 'missing';
  return statusAt({ revoked: key.revokedAt !== null, expiresMs: parseTime(key.expiresAt, NEVER) }, now);
}

function matchesStatus(status: DisplayStatus, filter: StatusFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'active':
      return status === 'active' || status === 'expiring';
    default:
      return status === filter;
  }
}

/** Lowercase terms of a query; every term must occur in a key's haystack. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The last answer, so that typing on (a narrower query) scans only what matched before. */
let previous:
  | { keys: readonly KeyView[]; status: StatusFilter; sort: KeySort; now: number; terms: string[]; matched: Entry[] }
  | undefined;

/**
 * True when every key matching `next` also matches `prev`: each old term lies inside some new term
 * (then a haystack holding the new one holds the old) and starts it (then an id starting with the new
 * one starts with the old).
 */
function narrows(prev: string[], next: string[]): boolean {
  return prev.every((old) =>
    next.some((term) => term.startsWith(old) && (old.length >= ID_PREFIX_MIN || term.length < ID_PREFIX_MIN)),
  );
}

function matchesTerm(entry: Entry, term: string): boolean {
  entry.haystack ??= haystackOf(entry.key);
  return entry.haystack.includes(term) || (term.length >= ID_PREFIX_MIN && entry.id.startsWith(term));
}

/**
 * The keys to show: those matching every query term (in name, description, owner, permissions,
 * metadata names and values, a metadata `name=value` pair, or the first 4+ characters of the id; case-insensitive) and the status filter at `now`, in the chosen order.
 */
export function filterAndSortKeys(keys: readonly KeyView[], options: KeyListQuery, now: number): KeyView[] {
  const terms = queryTerms(options.query);
  const filter = options.status;
  const last = previous;
  const candidates =
    last && last.keys === keys && last.status === filter && last.sort === options.sort && last.now === now && narrows(last.terms, terms)
      ? last.matched
      : orderOf(indexOf(keys), options.sort);
  const matched: Entry[] = [];
  for (const entry of candidates) {
    if (filter !== 'all' && !matchesStatus(statusAt(entry, now), filter)) continue;
    let ok = true;
    for (const term of terms) {
      if (!matchesTerm(entry, term)) {
        ok = false;
        break;
      }
    }
    if (ok) matched.push(entry);
  }
  previous = { keys, status: filter, sort: options.sort, now, terms, matched };
  return matched.map((entry) => entry.key);
}

/** How many keys each status filter would show at `now` (for the filter's labels). */
export function countByStatus(keys: readonly KeyView[], now: number): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = { all: 0, active: 0, expiring: 0, expired: 0, revoked: 0 };
  for (const entry of indexOf(keys).entries) {
    const status = statusAt(entry, now);
    counts.all += 1;
    if (status === 'expiring') {
      counts.expiring += 1;
      counts.active += 1;
    } else {
      counts[status] += 1;
    }
  }
  return counts;
}
