// One mutation checked on its own: the field named, and the id echoed only when the sender could
// know its record by it.
import { describe, expect, it } from 'vitest';
import { checkMutation, MAX_ECHOED_ID_LENGTH, usableId } from '../../src/shared/protocol/checkMutation';
import { hazardCreate } from '../server/helpers/api';

describe('checkMutation', () => {
  it('passes a valid mutation through', () => {
    const m = hazardCreate();
    expect(checkMutation(m)).toEqual({ ok: true, mutation: m });
  });

  it('names the first bad field, path first', () => {
    const m = hazardCreate();
    const result = checkMutation({ ...m, data: { ...m.data, compoundId: 5 } });
    expect(result).toMatchObject({ ok: false, id: m.id, message: 'data.compoundId: Invalid input' });
    expect(checkMutation({ ...m, type: 'hazard.delete' })).toMatchObject({ ok: false, message: expect.stringMatching(/^type: /) });
  });

  it('echoes a short string id, even a bad one, and nothing else', () => {
    expect(usableId({ id: 'abc' })).toBe('abc');
    expect(usableId({ id: 'x'.repeat(MAX_ECHOED_ID_LENGTH + 1) })).toBe('');
    expect(usableId({ id: '' })).toBe('');
    expect(usableId({ id: 12 })).toBe('');
    expect(usableId(null)).toBe('');
    expect(usableId('id')).toBe('');
  });
});
