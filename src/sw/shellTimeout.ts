// How long a navigation waits for the endpoint before the precached page is served (appShell.ts).
// Its own module so the tests can read it without loading workbox, which needs a worker's `self`.
/**
 * How long a navigation waits for the endpoint before the precached page is served. Offline,
 * fetch fails at once; on lie-fi this is the most a start is held up. The offline cold start is
 * ~350 ms at 4× CPU (budget 1,000 ms), so 500 ms keeps even a lie-fi start inside the budget. A
 * later answer still refreshes the stored headers, for the next start.
 */
export const SHELL_NETWORK_TIMEOUT_MS = 500;
