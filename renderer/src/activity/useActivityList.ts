/**
 * One window of the activity log, newest first: the first page, then "Load more" pages. Reloads — keeping
 * the window's size — when the request changes, when the vault changes (here or elsewhere) and when the app
 * did something logged that the vault file does not show (a reveal). Answers to superseded requests are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../shared/ipc-contract';
import type { ActivityEvent } from '../../../shared/types';
import { useUiStore } from '../ui/uiStore';
import { errorMessage, vaultApi } from '../vaultApi';
import { useVaultReloads } from './useVaultReloads';

export interface ActivityList {
  events: ActivityEvent[];
  /** How many events match, of which `events` are the newest. */
  total: number;
  /** True until the first answer for the current request. */
  loading: boolean;
  error: string | null;
  loadingMore: boolean;
  loadMore(): void;
  reload(): void;
}

type Request = Omit<RequestOf<'activity:list'>, 'limit' | 'offset'>;

export function useActivityList(request: Request, pageSize: number): ActivityList {
  const [events, setEvents] = useState<ActivityEvent[]>([]);
  const [total, setTotal] = useState(0);
  const [answeredFor, setAnsweredFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const activityVersion = useUiStore((s) => s.activityVersion);
  const serial = useRef(0);
  const shown = useRef(0);
  const requestKey = JSON.stringify(request);

  useEffect(() => {
    shown.current = events.length;
  }, [events]);

  // `limit` events from the newest: the whole window is replaced.
  const fetchWindow = useCallback(
    (limit: number) => {
      const id = ++serial.current;
      const settle = () => {
        setAnsweredFor(requestKey);
        setLoadingMore(false);
      };
      vaultApi()
        .activity.list({ ...(JSON.parse(requestKey) as Request), limit, offset: 0 })
        .then(
          (page) => {
            if (id !== serial.current) return;
            setEvents(page.events);
            setTotal(page.total);
            setError(null);
            settle();
          },
          (err: unknown) => {
            if (id !== serial.current) return;
            setError(errorMessage(err));
            settle();
          },
        );
    },
    [requestKey],
  );

  // A new request starts from the first page.
  useEffect(() => {
    fetchWindow(pageSize);
  }, [fetchWindow, pageSize]);

  const reload = useCallback(() => fetchWindow(Math.max(pageSize, shown.current)), [fetchWindow, pageSize]);

  // The vault changed, or the app logged something: the same window, fresh.
  useVaultReloads(reload);
  const seenVersion = useRef(activityVersion);
  useEffect(() => {
    if (activityVersion === seenVersion.current) return;
    seenVersion.current = activityVersion;
    reload();
  }, [activityVersion, reload]);

  const loadMore = useCallback(() => {
    setLoadingMore(true);
    const id = ++serial.current;
    const offset = shown.current;
    vaultApi()
      .activity.list({ ...(JSON.parse(requestKey) as Request), limit: pageSize, offset })
      .then((page) => {
        if (id !== serial.current) return;
        // Events arrived meanwhile (the newest first would shift every offset): fetch the grown window whole.
        if (page.total !== total) return fetchWindow(offset + pageSize);
        setEvents((current) => [...current, ...page.events]);
        setLoadingMore(false);
      })
      .catch((err: unknown) => {
        if (id !== serial.current) return;
        setError(errorMessage(err));
        setLoadingMore(false);
      });
  }, [requestKey, pageSize, total, fetchWindow]);

  return { events, total, loading: answeredFor !== requestKey, error, loadingMore, loadMore, reload };
}
