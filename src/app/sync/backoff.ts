// Retry delays: exponential backoff with full jitter (AWS Architecture Blog, "Exponential
// Backoff And Jitter"), so 24 phones coming back online do not retry in step.
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  base = BACKOFF_BASE_MS,
  cap = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}
