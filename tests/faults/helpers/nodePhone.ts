// A phone in Node: the app's own Dexie database on fake-indexeddb, enrolled with a demo code,
// saving hazards through saveHazard and syncing through syncOnce, exactly as the PWA does.
import 'fake-indexeddb/auto';
import { PatrolDb } from '../../../src/app/db/db';
import { setMeta, type Session } from '../../../src/app/db/meta';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { syncOnce } from '../../../src/app/sync/syncOnce';
import { backoffDelay } from '../../../src/app/sync/backoff';
import { SyncError } from '../../../src/app/sync/SyncError';
import { STANDARD_CATEGORIES } from '../../../src/shared/domain/categories';
import { SEVERITIES, type HazardDraft } from '../../../src/shared/domain/schemas';
import { enroll } from '../../server/helpers/api';

export interface NodePhone {
  db: PatrolDb;
  session: Session;
  close(): Promise<void>;
}

export async function nodePhone(serverUrl: string, code: string): Promise<NodePhone> {
  const db = new PatrolDb(`faults-${crypto.randomUUID()}`);
  const { token, member } = await enroll(serverUrl, code, `fault phone ${code}`);
  const session: Session = { token, member, deviceName: `fault phone ${code}`, enrolledAt: new Date().toISOString() };
  await setMeta(db, 'session', session);
  return { db, session, close: () => db.delete() };
}

/** Draft i of a run: every field set, and a description that names it, so a duplicate shows. */
export function faultDraft(run: string, i: number, createdAt: Date): HazardDraft {
  return {
    id: crypto.randomUUID(),
    categoryId: STANDARD_CATEGORIES[i % STANDARD_CATEGORIES.length]!.id,
    severity: SEVERITIES[i % SEVERITIES.length]!,
    description: `${run} #${i}: 消防通道堵塞 blocked exit, stairwell ${i % 9}`,
    position: i % 7 === 0 ? null : { lat: 30.66 + i * 1e-6, lng: 104.11 - i * 1e-6, accuracy: (i % 50) + 0.5, at: createdAt.toISOString() },
    compoundId: i % 5 === 0 ? null : 'c01',
    roundId: null,
    createdAt: createdAt.toISOString(),
    photoIds: [],
  };
}

/** Saves n hazards one by one, as a member would; `clock` is the phone's (maybe wrong) time. */
export async function saveHazards(phone: NodePhone, run: string, n: number, clock = () => new Date(), from = 0): Promise<HazardDraft[]> {
  const drafts: HazardDraft[] = [];
  for (let i = from; i < from + n; i++) {
    const now = clock();
    const draft = faultDraft(run, i, now);
    await saveHazard(phone.db, phone.session, draft, now);
    drafts.push(draft);
  }
  return drafts;
}

// A scan rather than an index: the outbox's indexes may change between schema versions.
export const pendingCount = (phone: NodePhone) => phone.db.outbox.filter((row) => row.state === 'pending').count();

export interface SyncRun {
  attempts: number;
  failures: SyncError[];
}

export interface SyncOptions {
  baseUrl: string;
  maxAttempts?: number;
  timeoutMs?: number;
  random?: () => number;
  /** Awaited after each failed attempt: a scenario can heal the fault here. */
  afterFailure?: (failure: SyncError, attempt: number) => Promise<void> | void;
}

/**
 * Runs sync passes until one succeeds with nothing left pending, as the scheduler's retries
 * would, with the app's own backoff on a short base so the suite stays fast. Bounded.
 */
export async function syncUntilSettled(phone: NodePhone, options: SyncOptions): Promise<SyncRun> {
  const failures: SyncError[] = [];
  const maxAttempts = options.maxAttempts ?? 100;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      await syncOnce(phone.db, { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 10_000 });
      if ((await pendingCount(phone)) === 0) return { attempts: attempt, failures };
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      failures.push(error);
      await options.afterFailure?.(error, attempt);
      const delay = backoffDelay(failures.length, options.random ?? Math.random, 10, 200);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  throw new Error(`not settled after ${maxAttempts} sync attempts; last failures: ${failures.slice(-3).map((f) => `${f.code} ${f.message}`).join('; ')}`);
}
