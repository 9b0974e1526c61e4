// Asks the browser once, on the first save, not to evict our data (StorageManager.persist()).
import type { PatrolDb } from '../../db/db';
import { getMeta, setMeta } from '../../db/meta';

export async function requestPersistenceOnce(db: PatrolDb): Promise<void> {
  if (await getMeta(db, 'persistResult')) return;
  if (!navigator.storage?.persist) {
    await setMeta(db, 'persistResult', 'unsupported');
    return;
  }
  const granted = await navigator.storage.persist().catch(() => false);
  await setMeta(db, 'persistResult', granted ? 'granted' : 'denied');
}
