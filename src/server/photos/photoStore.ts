// Where photo bytes live. The endpoint checks every upload (content hash, size, image type)
// before it reaches a PhotoStore, so an implementation only keeps verified bytes under their id.
// Ids are 64 lower-case hex (the SHA-256 of the bytes): a photo is written once, never edited.
export interface PhotoStore {
  /** Keeps the bytes under `id`; whole or not at all. Storing an id again changes nothing. */
  put(id: string, bytes: Uint8Array, mime: string): Promise<void>;
  /** The bytes, or null when this store does not hold the id. */
  get(id: string): Promise<Uint8Array | null>;
  has(id: string): Promise<boolean>;
  /** Deletes the bytes; an id not held is no error. */
  delete(id: string): Promise<void>;
}
