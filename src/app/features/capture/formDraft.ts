// The half-written hazard, kept in IndexedDB as the member types, so a reload, a crash or the
// OS killing the tab never loses what was typed. Cleared only by Save or Cancel.
import type { PatrolDb } from '../../db/db';
import type { Severity } from '../../../shared/domain/schemas';
import type { StagedPhoto } from '../../db/photos';
import { newId } from '../../../shared/ids';

export interface FormDraft {
  id: string;
  categoryId: string;
  severity: Severity;
  description: string;
  compoundId: string | null;
  /** Set once the member picks a compound by hand; GPS then stops overriding it. */
  compoundChosen: boolean;
  startedAt: string;
  /** Compressed photos staged for this hazard. IndexedDB keeps Blobs, so they survive a reload
   *  too (≤ 6 × 350 KB). Absent in drafts written before photos existed. */
  photos?: StagedPhoto[];
}

const KEY = 'hazardDraft';

export function emptyDraft(now = new Date()): FormDraft {
  return {
    id: newId(),
    categoryId: '',
    severity: 'medium',
    description: '',
    compoundId: null,
    compoundChosen: false,
    startedAt: now.toISOString(),
  };
}

export async function loadDraft(db: PatrolDb): Promise<FormDraft | null> {
  const row = await db.meta.get(KEY);
  return (row?.value as FormDraft | undefined) ?? null;
}

export async function storeDraft(db: PatrolDb, draft: FormDraft): Promise<void> {
  await db.meta.put({ key: KEY, value: draft });
}

export async function clearDraft(db: PatrolDb): Promise<void> {
  await db.meta.delete(KEY);
}

export function isDraftDirty(draft: FormDraft): boolean {
  return draft.categoryId !== '' || draft.description.trim() !== '' || draft.compoundChosen || (draft.photos?.length ?? 0) > 0;
}
