// Dexie liveQuery as a preact hook: the view re-renders whenever the rows it read change,
// including writes from other tabs.
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined;
export function useLiveQuery<T, D>(query: () => Promise<T>, deps: unknown[], initial: D): T | D;
export function useLiveQuery<T, D>(query: () => Promise<T>, deps: unknown[], initial?: D): T | D | undefined {
  const [value, setValue] = useState<T | D | undefined>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('liveQuery failed', error),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps stand for the query's inputs
  }, deps);
  return value;
}
