// Photo bytes in an S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS) under
// `<prefix>photos/<sha256>`. Integrity without the SDK's newer flexible checksums, which several
// S3-compatible services reject: each put sends Content-MD5, which all of them verify, and each
// get hashes the bytes against their id, so a corrupted object is an error, never a photo.
// Only "no such object" is a normal answer; any other failure is thrown for the route to report.
// The SDK is loaded on first use: a server keeping photos on disk never pays its memory.
import { createHash } from 'node:crypto';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { PHOTO_ID_PATTERN } from '../../shared/domain/schemas';
import type { PhotoStore } from './photoStore';

export interface S3PhotoStoreOptions {
  /** Omitted for AWS itself; e.g. http://127.0.0.1:9000 (MinIO), https://oss-cn-hangzhou.aliyuncs.com. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** true: <endpoint>/<bucket>/<key> (MinIO); false: <bucket>.<endpoint>/<key> (AWS, OSS, COS). */
  forcePathStyle: boolean;
  /** Keys start with it; a '/' is added when missing, so `patrol` gives `patrol/photos/<id>`. */
  prefix?: string;
}

/** The object key of a photo; throws on anything but 64 lower-case hex. */
export function s3PhotoKey(prefix: string | undefined, id: string): string {
  if (!PHOTO_ID_PATTERN.test(id)) throw new Error(`not a photo id: ${JSON.stringify(id)}`);
  const base = prefix && !prefix.endsWith('/') ? `${prefix}/` : (prefix ?? '');
  return `${base}photos/${id}`;
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
}

function httpStatus(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return metadata?.httpStatusCode;
}

let sdk: Promise<typeof S3Sdk> | undefined;
const loadSdk = () => (sdk ??= import('@aws-sdk/client-s3'));

export function createS3PhotoStore(options: S3PhotoStoreOptions): PhotoStore {
  const config = {
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Without these a stalled bucket holds an upload open for ever.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
  } as const;
  let client: Promise<S3Client> | undefined;
  const connected = () => (client ??= loadSdk().then((s) => new s.S3Client(config)));
  const Bucket = options.bucket;
  const keyOf = (id: string) => s3PhotoKey(options.prefix, id);

  return {
    // Content-addressed: writing the same id again writes the same bytes, so no check first.
    async put(id, bytes, mime) {
      const { PutObjectCommand } = await loadSdk();
      await (await connected()).send(
        new PutObjectCommand({
          Bucket,
          Key: keyOf(id),
          Body: bytes,
          ContentType: mime,
          ContentLength: bytes.byteLength,
          ContentMD5: createHash('md5').update(bytes).digest('base64'),
        }),
      );
    },

    async get(id) {
      const Key = keyOf(id);
      let body: Uint8Array;
      try {
        const { GetObjectCommand } = await loadSdk();
        const answer = await (await connected()).send(new GetObjectCommand({ Bucket, Key }));
        if (!answer.Body) throw new Error(`s3 object ${Key} came without a body`);
        body = await answer.Body.transformToByteArray();
      } catch (error) {
        if (errorName(error) === 'NoSuchKey') return null;
        throw error;
      }
      const actual = createHash('sha256').update(body).digest('hex');
      if (actual !== id) throw new Error(`s3 object ${Key} is corrupt: its bytes hash to ${actual}`);
      return body;
    },

    async has(id) {
      try {
        const { HeadObjectCommand } = await loadSdk();
        await (await connected()).send(new HeadObjectCommand({ Bucket, Key: keyOf(id) }));
        return true;
      } catch (error) {
        // A HEAD answer has no body, so the SDK names a 404 NotFound. A 403 (AWS answers that for
        // a missing key when the credentials lack ListBucket) stays an error, not "absent".
        if (errorName(error) === 'NotFound' || errorName(error) === 'NoSuchKey' || httpStatus(error) === 404) return false;
        throw error;
      }
    },

    async delete(id) {
      // S3 answers 204 for a key it does not hold.
      const { DeleteObjectCommand } = await loadSdk();
      await (await connected()).send(new DeleteObjectCommand({ Bucket, Key: keyOf(id) }));
    },
  };
}
