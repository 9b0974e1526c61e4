// "Storage full" is recognised however it arrives, so the form can say the hazard was NOT saved.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { PatrolDb } from '../../../src/app/db/db';
import { saveHazard } from '../../../src/app/db/saveHazard';
import { isQuotaExceeded } from '../../../src/app/db/storageErrors';
import { draftWith } from '../../fixtures/hazards';
import { stagedPhoto } from '../photos/photoFixtures';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const session = { member: { id: 'm-a-03', name: '王芳', teamId: 'team-a', role: 'member' as const } };
let db: PatrolDb | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('isQuotaExceeded', () => {
  it('sees through Dexie’s AbortError (.inner) and BulkError (.failures)', () => {
    expect(isQuotaExceeded(quota())).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', quota()))).toBe(true);
    expect(isQuotaExceeded(new Dexie.BulkError('bulk', [new Error('other'), quota()]))).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', new Error('ConstraintError')))).toBe(false);
  });

  it('a quota failure while storing a photo leaves everything already saved untouched', async () => {
    db = new PatrolDb(`test-${crypto.randomUUID()}`);
    const kept = draftWith();
    await saveHazard(db, session, kept, new Date(), [await stagedPhoto()]);
    const photo = await stagedPhoto();
    db.photos.hook('creating', (key) => {
      if (key === photo.id) throw quota();
    });
    const error = await saveHazard(db, session, draftWith(), new Date(), [photo]).catch((e: unknown) => e);
    expect(isQuotaExceeded(error)).toBe(true);
    expect((await db.hazards.toArray()).map((h) => h.id)).toEqual([kept.id]);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.photos.count()).toBe(1);
  });
});
