/**
 * The renderer's search/filter/sort (shared/key-search.ts `filterAndSortKeys`) over the full list, one call per
 * keystroke: typing queries letter by letter, then deleting them letter by letter, with different filters and sorts.
 */
import type { KeyView } from '../shared/types';
import type { BenchVault } from './fixture';
import { measureSync, timed, type Figure } from './harness';
import { keytarSecrets, openVault } from './main-side';

const GROUP = 'search';

type Search = typeof import('../shared/key-search');
type Query = Parameters<Search['filterAndSortKeys']>[1];

/** Every state the box passes through while typing `text` and then erasing it. */
function keystrokes(text: string): string[] {
  const typed = Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
  return [...typed, ...typed.slice(0, -1).reverse(), ''];
}

const SESSIONS: { text: string; status: Query['status']; sort: Query['sort'] }[] = [
  { text: 'production', status: 'all', sort: 'name' },
  { text: 'alice chat', status: 'all', sort: 'name' },
  { text: 'files:write', status: 'active', sort: 'expiry' },
  { text: 'mcp billing staging', status: 'all', sort: 'lastUsed' },
  { text: 'eu-west-1', status: 'expiring', sort: 'name' },
  { text: 'zzz-nothing', status: 'all', sort: 'created' },
];

export async function searchBench(bv: BenchVault): Promise<Figure[]> {
  let search: Search;
  try {
    search = await import('../shared/key-search');
  } catch (error) {
    throw new Error(`shared/key-search.ts is not there yet (${(error as Error).message}); the search figures need filterAndSortKeys.`);
  }
  const vault = openVault(bv.home, keytarSecrets(bv.service));
  const now = Date.now();
  const freshList = (): KeyView[] => vault.list();

  // The first call on a newly loaded list also builds the search index (haystacks, parsed dates, the sort).
  let keys = freshList();
  const firstAfterLoad = measureSync(() => search.filterAndSortKeys(keys, { query: 'p', status: 'all', sort: 'name' }, now), {
    warmup: 2,
    runs: 15,
    before: () => {
      keys = freshList();
    },
  });

  keys = freshList();
  const steps = SESSIONS.flatMap((s) => keystrokes(s.text).map((query) => ({ query, status: s.status, sort: s.sort })));
  let shown = 0;
  // One warm-up pass over every session (indexes and sort orders built), then 5 timed passes.
  const samples: number[] = [];
  for (let pass = 0; pass < 6; pass++) {
    for (const step of steps) {
      const start = performance.now();
      shown = search.filterAndSortKeys(keys, step, now).length;
      const ms = performance.now() - start;
      if (pass > 0) samples.push(ms);
    }
  }
  void shown;
  return [
    timed(GROUP, `filterAndSortKeys per keystroke (${keys.length} keys)`, samples, { text: '≤ 2 ms p95', check: (s) => s.p95 <= 2 }, `${steps.length} keystrokes × 5 passes: typing and erasing 6 queries, 4 sorts, 3 filters`),
    timed(GROUP, 'first keystroke after a list (re)load (builds the index)', firstAfterLoad, undefined, 'once per keys:list reply; not per keystroke'),
  ];
}
