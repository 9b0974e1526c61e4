// The endpoint's error body, {"error":{"code","message"}}, and the code schemas the push answer's
// rejections use too. Any code string parses; one this app does not know (a newer endpoint's)
// becomes 'unknown' and its message is kept, so the app can still say what happens next.
import * as z from 'zod/mini';
import { asErrorCode, asRejectionCode } from './codes';

// Named here too while the endpoint's modules import the types from here; defined in ./codes.

// A string in, the closed union out: the check keeps "must be a string", the overwrite names an
// unknown code (pipe and transform would do the same but cost the app's bundle two more classes).
const codeOf = <C extends string>(known: (code: unknown) => C) =>
  z.custom<C, string>((value) => typeof value === 'string').check(z.overwrite(known));

export const errorCodeSchema = codeOf(asErrorCode);
export const rejectionCodeSchema = codeOf(asRejectionCode);

export const errorBodySchema = z.object({
  error: z.object({ code: errorCodeSchema, message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
