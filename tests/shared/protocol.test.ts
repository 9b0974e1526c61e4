import { describe, expect, it } from 'vitest';
import { PROTOCOL, pushRequestSchema, pushResponseSchema, pullResponseSchema } from '../../src/shared/protocol/sync';
import { MAX_MUTATIONS_PER_PUSH } from '../../src/shared/protocol/limits';
import { hazardDraftSchema } from '../../src/shared/domain/schemas';
import { sampleDraft } from '../fixtures/hazards';


const mutation = (id: string) => ({ id, type: 'hazard.create', at: '2026-11-27T08:00:05.000Z', data: sampleDraft });

describe('hazard draft schema', () => {
  it('accepts a complete draft and drops unknown fields', () => {
    const parsed = hazardDraftSchema.parse({ ...sampleDraft, role: 'admin', seq: 99 });
    expect(parsed).toEqual(sampleDraft);
    expect(parsed).not.toHaveProperty('role');
  });

  it('accepts a draft without a position', () => {
    expect(hazardDraftSchema.safeParse({ ...sampleDraft, position: null }).success).toBe(true);
  });

  it.each([
    ['a bad severity', { severity: 'extreme' }],
    ['a non-uuid id', { id: 'hazard-1' }],
    ['a latitude off the globe', { position: { ...sampleDraft.position, lat: 91 } }],
    ['a description over 2000 characters', { description: 'x'.repeat(2001) }],
    ['a createdAt that is not ISO', { createdAt: 'yesterday' }],
  ])('rejects %s', (_name, patch) => {
    expect(hazardDraftSchema.safeParse({ ...sampleDraft, ...patch }).success).toBe(false);
  });
});

describe('push request', () => {
  it('accepts a batch of mutations', () => {
    const ids = ['0b6f3e2e-8c4f-4a8e-9d7a-1c2b3d4e5f60', '1b6f3e2e-8c4f-4a8e-9d7a-1c2b3d4e5f61'];
    expect(pushRequestSchema.parse({ mutations: ids.map(mutation) }).mutations).toHaveLength(2);
  });

  it('rejects unknown mutation types and oversize batches', () => {
    const bad = { ...mutation('0b6f3e2e-8c4f-4a8e-9d7a-1c2b3d4e5f60'), type: 'hazard.delete' };
    expect(pushRequestSchema.safeParse({ mutations: [bad] }).success).toBe(false);
    const many = Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, () => mutation(crypto.randomUUID()));
    expect(pushRequestSchema.safeParse({ mutations: many }).success).toBe(false);
  });
});

describe('responses', () => {
  it('a push response must name the protocol', () => {
    expect(pushResponseSchema.safeParse({ protocol: PROTOCOL, acked: ['a'], rejected: [] }).success).toBe(true);
    expect(pushResponseSchema.safeParse({ acked: ['a'], rejected: [] }).success).toBe(false);
    expect(pushResponseSchema.safeParse('<html>Login to Wi-Fi</html>').success).toBe(false);
  });

  it('a pull page parses changes by entity', () => {
    const page = {
      protocol: PROTOCOL,
      cursor: 'abc',
      hasMore: false,
      changes: [{ entity: 'team', op: 'put', id: 'team-a', data: { id: 'team-a', name: { zh: '一队', en: 'Team A' } } }],
    };
    expect(pullResponseSchema.parse(page).changes[0]?.entity).toBe('team');
    const wrongShape = { ...page, changes: [{ entity: 'team', op: 'put', id: 'x', data: { id: 'x' } }] };
    expect(pullResponseSchema.safeParse(wrongShape).success).toBe(false);
  });
});
