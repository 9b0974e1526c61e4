// Checkpoint scans as coverage sees them: resolved to their compound, at epoch ms.
// Scans of a checkpoint that is not in the list (deleted, or not yet pulled) are left out
// rather than guessed. Scans flagged "far from checkpoint" still count, as the issue asks:
// leave them out before calling this if a stricter view is wanted.
import type { Checkpoint, CheckpointScan } from '../domain/rounds';
import type { CoverageScan } from './coverage';

type ScanRow = Pick<CheckpointScan, 'checkpointId' | 'roundId' | 'teamId' | 'scannedAt'>;

export function coverageScans(scans: Iterable<ScanRow>, checkpoints: Iterable<Pick<Checkpoint, 'id' | 'compoundId'>>): CoverageScan[] {
  const compoundOf = new Map<string, string>();
  for (const checkpoint of checkpoints) compoundOf.set(checkpoint.id, checkpoint.compoundId);
  const resolved: CoverageScan[] = [];
  for (const scan of scans) {
    const compoundId = compoundOf.get(scan.checkpointId);
    const at = Date.parse(scan.scannedAt);
    if (compoundId === undefined || Number.isNaN(at)) continue;
    resolved.push({ compoundId, at, roundId: scan.roundId, teamId: scan.teamId });
  }
  return resolved;
}
