// Whether a string names an IANA time zone, on its own so that checking a stored zone (the phone's
// meta) does not bring the ISO-week arithmetic and date-fns with it.

/** Whether `value` names an IANA time zone this runtime knows. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
