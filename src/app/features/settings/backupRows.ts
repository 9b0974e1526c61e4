// Every row of a backup file is checked with the shared schemas before anything is written: a
// damaged row (hand-edited, cut short, from another app version) is skipped and named by its
// table, its place in the file, its id and the field that is wrong; every valid row is kept as
// it was exported (checked, not rebuilt, so fields the schema does not list survive the trip).
import * as z from 'zod/mini';
import { entityId, hazardSchema, hazardStatusSchema, isoTime, photoIdSchema, roleSchema } from '../../../shared/domain/schemas';
import { hazardEventDraftSchema } from '../../../shared/domain/hazardEvents';
import { checkpointScanSchema, roundSchema, trackBatchSchema, trackPointSchema } from '../../../shared/domain/rounds';
import { checkMutation, describeIssue, usableId } from '../../../shared/protocol/checkMutation';

export const BACKUP_TABLES = ['outbox', 'hazards', 'hazardEvents', 'rounds', 'trackBatches', 'trackPoints', 'checkpointScans', 'photos'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** A row left out of an import, and why. */
export interface SkippedRow {
  table: BackupTable;
  /** 1-based place in the file's list for that table. */
  row: number;
  /** Its id if it has a readable one, else ''. */
  id: string;
  /** "field.path: what is wrong" */
  problem: string;
}

const localHazard = z.extend(hazardSchema, { receivedAt: z.nullable(isoTime) });

const outboxRow = z.object({
  id: z.string(),
  entityId: z.string().check(z.minLength(1)),
  queuedAt: z.number(),
  state: z.enum(['pending', 'rejected']),
  rejection: z.nullable(z.object({ code: z.string(), message: z.string() })),
  mutation: z.unknown(),
});

const ROWS: Record<BackupTable, z.ZodMiniType> = {
  outbox: outboxRow,
  hazards: localHazard,
  hazardEvents: z.intersection(
    hazardEventDraftSchema,
    z.object({ authorId: entityId, role: roleSchema, status: hazardStatusSchema, receivedAt: z.nullable(isoTime) }),
  ),
  rounds: roundSchema,
  trackBatches: trackBatchSchema,
  trackPoints: z.extend(trackPointSchema, { roundId: z.uuid(), batchId: z.string() }),
  checkpointScans: checkpointScanSchema,
  photos: z.object({
    id: photoIdSchema,
    hazardId: z.uuid(),
    eventId: z.nullable(z.uuid()),
    mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    bytes: z.number().check(z.int(), z.gte(0)),
    width: z.number(),
    height: z.number(),
    takenAt: z.string(),
    createdAt: z.string(),
    blob: z.nullable(z.string()),
    thumb: z.nullable(z.string()),
    uploaded: z.union([z.literal(0), z.literal(1)]),
  }),
};

/** What is wrong with one row, or null when it may be imported. */
function problemOf(table: BackupTable, value: unknown): string | null {
  const result = ROWS[table].safeParse(value);
  if (!result.success) return describeIssue(result.error);
  const row = value as Record<string, unknown>;
  if (table === 'outbox') {
    const checked = checkMutation(row.mutation);
    if (!checked.ok) return describeIssue(checked.error, ['mutation']);
    if (checked.mutation.id !== row.id) return 'mutation.id: not the row’s id';
  }
  if (table === 'hazards' && row.confirmed !== undefined) {
    const confirmed = localHazard.safeParse(row.confirmed);
    if (!confirmed.success) return describeIssue(confirmed.error, ['confirmed']);
  }
  return null;
}

/** Splits each table's rows into those to import (as they are) and those skipped, named. */
export function checkRows<T>(table: BackupTable, rows: readonly unknown[], skipped: SkippedRow[]): T[] {
  const kept: T[] = [];
  rows.forEach((value, index) => {
    const problem = problemOf(table, value);
    if (problem === null) kept.push(value as T);
    else skipped.push({ table, row: index + 1, id: usableId(value), problem });
  });
  return kept;
}
