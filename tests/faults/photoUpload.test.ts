// Scenario 10: photo upload under faults. A phone saves hazards with one real JPEG each, and a
// fifth of photo PUTs and pushes fail at random (reset before or after the server stored it,
// timeout, 503). Every hazard and photo must arrive exactly once, the server must never receive
// a hazard before it holds the photos it names, and no partial or temp file may remain.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { saveHazard } from '../../src/app/db/saveHazard';
import type { StagedPhoto } from '../../src/app/photos/stagePhoto';
import { pushRequestSchema } from '../../src/shared/protocol/sync';
import type { HazardDraft } from '../../src/shared/domain/schemas';
import { photoFixture, sha256Of } from '../fixtures/photos';
import { faultSeed, mulberry32 } from './helpers/prng';
import { startTestServer } from '../server/helpers/testServer';
import { runScenario } from './helpers/nodeScenario';
import { faultDraft, type NodePhone } from './helpers/nodePhone';
import type { Fault, ProxiedRequest } from './helpers/faultProxy';
import { printTable } from './helpers/scoreboard';

afterAll(printTable);

const HAZARDS = 120;
const FAULTS: readonly Fault[] = ['resetBeforeForward', 'cutAfterResponse', 'timeout', 'status503'];
const isPhotoOrPush = (r: ProxiedRequest) => r.path.startsWith('/api/v1/photos/') || r.path.startsWith('/api/v1/sync/push');

/** A distinct, whole JPEG per i: the small fixture with a comment segment naming i after SOI. */
function jpegNumbered(base: Uint8Array, i: number): Uint8Array<ArrayBuffer> {
  const text = new TextEncoder().encode(`patrol fault photo ${i}`);
  const segment = new Uint8Array(4 + text.length);
  segment.set([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
  segment.set(text, 4);
  const out = new Uint8Array(base.length + segment.length);
  out.set(base.subarray(0, 2));
  out.set(segment, 2);
  out.set(base.subarray(2), 2 + segment.length);
  return out;
}

describe('photo upload under faults', () => {
  it('#10: hazards with photos arrive exactly once, never before their photos, with no partial file', async () => {
    const base = photoFixture('small-1200x900.jpg');
    const random = mulberry32(faultSeed() + 10);
    const server = await startTestServer();
    const dataDir = server.dataDir;
    const photoIds = new Map<string, string>();
    const early: string[] = [];
    let photoPuts = 0;

    const result = await runScenario({
      scenario: '#10',
      code: 'DEMO-A-10',
      n: HAZARDS,
      proxy: {
        policy: (r) => {
          if (!isPhotoOrPush(r)) return 'pass';
          if (r.method === 'PUT') photoPuts++;
          return random() < 0.2 ? FAULTS[Math.floor(random() * FAULTS.length)]! : 'pass';
        },
        // At the moment a push reaches the server, every photo it names must be stored there.
        onForwarded: (r) => {
          if (!r.path.startsWith('/api/v1/sync/push')) return;
          const { mutations } = pushRequestSchema.parse(JSON.parse(r.body.toString('utf8')));
          for (const m of mutations) {
            if (m.type !== 'hazard.create') continue;
            for (const id of m.data.photoIds) if (!existsSync(join(dataDir, 'photos', id))) early.push(`${m.data.id} before ${id}`);
          }
        },
      },
      sync: { timeoutMs: 3_000, random },
      save: async (phone: NodePhone) => {
        const drafts: HazardDraft[] = [];
        for (let i = 0; i < HAZARDS; i++) {
          const bytes = jpegNumbered(base, i);
          const id = sha256Of(bytes);
          const photo: StagedPhoto = {
            id,
            blob: new Blob([bytes], { type: 'image/jpeg' }),
            thumb: null,
            mime: 'image/jpeg',
            bytes: bytes.length,
            width: 1200,
            height: 900,
            takenAt: new Date().toISOString(),
          };
          const draft = { ...faultDraft('#10', i, new Date()), photoIds: [id] };
          await saveHazard(phone.db, phone.session, draft, new Date(), [photo]);
          photoIds.set(draft.id, id);
          drafts.push(draft);
        }
        return drafts;
      },
      endpoint: { url: server.url, dataDir, databaseUrl: server.databaseUrl },
      note: (proxy, run) =>
        `${HAZARDS} photos (${(base.length / 1024).toFixed(0)} KB each); ${Object.entries(proxy.counts)
          .filter(([fault, n]) => fault !== 'pass' && n > 0)
          .map(([fault, n]) => `${n} ${fault}`)
          .join(', ')}; ${run.attempts} sync passes`,
    }).finally(() => server.close());

    expect(early, 'a push reached the server before the photos it names').toEqual([]);
    expect(photoPuts).toBeGreaterThan(HAZARDS);
    expect(result.counts.cutAfterResponse + result.counts.resetBeforeForward + result.counts.timeout + result.counts.status503).toBeGreaterThan(0);
    const files = readdirSync(join(dataDir, 'photos'));
    expect(files.filter((f) => f.startsWith('.tmp-')), 'temp files left').toEqual([]);
    expect(files.sort()).toEqual([...photoIds.values()].sort());
    for (const id of photoIds.values()) expect(sha256Of(new Uint8Array(readFileSync(join(dataDir, 'photos', id))))).toBe(id);
  });
});
