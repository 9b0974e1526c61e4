// Recognises "storage full" however the browser and Dexie wrap it.
// Dexie rethrows a failed transaction as AbortError with the real cause in `.inner`; a bulkAdd
// of photos fails as a BulkError whose per-row causes sit in `.failures`.

interface MaybeWrapped {
  name?: unknown;
  inner?: unknown;
  code?: unknown;
  failures?: unknown;
}

export function isQuotaExceeded(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { name, code, inner, failures } = current as MaybeWrapped;
    // code 22 is the legacy DOMException number for QuotaExceededError (older WebKit).
    if (name === 'QuotaExceededError' || code === 22) return true;
    if (Array.isArray(failures) && failures.some((failure) => isQuotaExceeded(failure))) return true;
    current = inner;
  }
  return false;
}
