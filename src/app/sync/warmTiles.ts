// Warms the service worker's tile cache for "Save patrol area for offline use": each tile is
// fetched once, a few at a time, and the SW's tile route keeps the answer. Not request(): a tile
// host is not the endpoint, so no token goes with it, no answer is parsed, and the HTTP cache
// may serve it. A tile that fails is skipped (the map shows it when online).
const PARALLEL = 4;

export async function warmTiles(urls: readonly string[], onTile: (done: number) => void, doFetch: typeof fetch = fetch): Promise<number> {
  const queue = [...urls];
  let done = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        await doFetch(url, { mode: 'cors' }).catch(() => undefined);
        onTile(++done);
      }
    }),
  );
  return done;
}
