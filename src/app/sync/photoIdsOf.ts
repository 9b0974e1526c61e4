// The photos a mutation refers to: a new hazard's "before" photos, or an event's (resolve's
// "after" photos, an "also seen" note's). The endpoint must hold them before the mutation goes.
import type { Mutation } from '../../shared/protocol/sync';

export function photoIdsOf(mutation: Mutation): readonly string[] {
  if (mutation.type === 'hazard.create') return mutation.data.photoIds;
  if (mutation.type === 'hazard.event') {
    const data: unknown = mutation.data.data;
    if (data && typeof data === 'object' && 'photoIds' in data && Array.isArray(data.photoIds)) return data.photoIds as string[];
  }
  return [];
}
