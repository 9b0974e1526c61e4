// Why a mutation was not applied: a code the phone acts on and words for the person.
import type { RejectionCode } from '../../shared/protocol/codes';

export type Refusal = { code: RejectionCode; message: string };

export const invalid = (message: string): Refusal => ({ code: 'invalid', message });
export const forbidden = (message: string): Refusal => ({ code: 'forbidden', message });
export const conflict = (message: string): Refusal => ({ code: 'conflict', message });
export const quote = (s: string) => JSON.stringify(s);
