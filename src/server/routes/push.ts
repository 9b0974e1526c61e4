// POST /api/v1/sync/push: applies a batch of mutations in one transaction and answers only
// after the commit, so an ack always means "durably stored". Only a bad envelope (not JSON, no
// `mutations` list, too many) is refused whole; each mutation is checked on its own, and one
// that fails its schema is answered `invalid` alone while the rest are applied. An element
// without an id the phone could know it by is answered under id '' with its position named.
import { Hono } from 'hono';
import type { Store } from '../store/openStore';
import { PROTOCOL, pushEnvelopeSchema, type PushResponse } from '../../shared/protocol/sync';
import { checkMutation, describeIssue } from '../../shared/protocol/checkMutation';
import { applyPush } from '../push/applyPush';
import type { AuthedEnv } from '../http/env';
import { englishMessages, readJson } from '../http/readJson';

export function pushRoutes(store: Store, now: () => Date) {
  return new Hono<AuthedEnv>().post('/', async (c) => {
    const { mutations } = await readJson(c, pushEnvelopeSchema);
    const checked = mutations.map((element, index) => {
      const result = checkMutation(element, englishMessages);
      if (result.ok || result.id !== '') return result;
      return { ...result, message: describeIssue(result.error, ['mutations', index]) };
    });
    const caller = c.get('caller');
    // One transaction; the answer is sent only after it has committed.
    const outcome = await applyPush(store.sql, checked, caller, now());
    const response: PushResponse = { protocol: PROTOCOL, ...outcome };
    return c.json(response, 200);
  });
}
