// Typed sync failures. `code` is what the UI turns into words; none of them loses data.
import type { ErrorCode, UNKNOWN_CODE } from '../../shared/protocol/codes';

export type SyncErrorCode =
  | 'network' // no answer at all: offline, DNS, reset, timeout
  | 'protocol' // an answer that is not the endpoint's (captive portal HTML, proxy page)
  | 'unauthorized' // token unknown or revoked: the device must enroll again
  | 'quota' // this phone's photo uploads reached the endpoint's daily allowance: photos wait, the rest syncs
  | 'server'; // the endpoint answered with an error status

/** The endpoint's own error code, 'unknown' for one this app does not know; null when its body was not the endpoint's. */
export type ServerCode = ErrorCode | typeof UNKNOWN_CODE | null;

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly status: number | null,
    message: string,
    readonly serverCode: ServerCode = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
