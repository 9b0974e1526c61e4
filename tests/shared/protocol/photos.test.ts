// Photo bytes travel as one of three image types; a stored PUT is answered with what the endpoint read.
import { describe, expect, it } from 'vitest';
import { isPhotoMime, PHOTO_MIMES, photoStoredResponseSchema } from '../../../src/shared/protocol/photos';
import { isImageOfType } from '../../../src/shared/photos/sniffImage';

describe('photo types', () => {
  it('are the three the endpoint sniffs, and nothing else', () => {
    expect(PHOTO_MIMES).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    for (const mime of PHOTO_MIMES) expect(isPhotoMime(mime)).toBe(true);
    for (const other of ['image/gif', 'image/svg+xml', 'image/jpeg; charset=utf-8', '', null]) expect(isPhotoMime(other)).toBe(false);
    // A type outside the list is never an image of that type, whatever the bytes.
    expect(isImageOfType(new Uint8Array([0x47, 0x49, 0x46, 0x38]), 'image/gif')).toBeNull();
  });
});

describe('stored answer', () => {
  const answer = { id: 'a'.repeat(64), bytes: 182_000, width: 1600, height: 1200 };

  it('parses as the endpoint sends it', () => {
    expect(photoStoredResponseSchema.parse(answer)).toEqual(answer);
  });

  it.each([
    ['only an id', { id: answer.id }],
    ['negative bytes', { ...answer, bytes: -1 }],
    ['a fractional width', { ...answer, width: 1.5 }],
  ])('refuses %s', (_name, body) => {
    expect(photoStoredResponseSchema.safeParse(body).success).toBe(false);
  });
});
