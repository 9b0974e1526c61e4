// PUT/GET /api/v1/photos/<sha256>: content-addressed photo bytes. A PUT carries the raw bytes
// (at most MAX_PHOTO_BYTES, ./limits) with one of PHOTO_MIMES as its Content-Type, and is answered
// 201 (stored) or 200 (held already) with what the endpoint read of them. A GET answers the bytes
// as they were stored, with their type.
import * as z from 'zod/mini';

export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof PHOTO_MIMES)[number];

export const isPhotoMime = (value: unknown): value is PhotoMime => (PHOTO_MIMES as readonly unknown[]).includes(value);

export const photoStoredResponseSchema = z.object({
  /** The photo's SHA-256: the app trusts an answer only for the very hash it sent. */
  id: z.string(),
  bytes: z.number().check(z.int(), z.gte(0)),
  width: z.number().check(z.int(), z.gte(0)),
  height: z.number().check(z.int(), z.gte(0)),
});
export type PhotoStoredResponse = z.infer<typeof photoStoredResponseSchema>;
