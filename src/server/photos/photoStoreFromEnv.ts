// Where photos live, from the environment, checked at start so a typo stops the server instead of
// failing the first upload. PHOTO_STORE: fs (default) | s3.
//   fs   files in DATA_DIR/photos
//   s3   S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY   required
//        S3_ENDPOINT          omitted for AWS itself; MinIO, Aliyun OSS, Tencent COS need it
//        S3_REGION            us-east-1 by default
//        S3_FORCE_PATH_STYLE  1 | 0; 1 by default when S3_ENDPOINT is set (MinIO wants it),
//                             else 0. Aliyun OSS and Tencent COS want 0 (virtual-hosted).
//        S3_PREFIX            keys become <prefix>/photos/<id>
import { join } from 'node:path';
import { createFsPhotoStore } from './fsPhotoStore';
import type { PhotoStore } from './photoStore';
import { createS3PhotoStore } from './s3PhotoStore';

const KINDS = ['fs', 's3'] as const;

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = optional(env, name);
  if (value === undefined) throw new Error(`PHOTO_STORE=s3 needs ${name}`);
  return value;
}

function pathStyle(raw: string | undefined, hasEndpoint: boolean): boolean {
  if (raw === undefined) return hasEndpoint;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`S3_FORCE_PATH_STYLE must be 1 or 0, got ${JSON.stringify(raw)}`);
}

export function photoStoreFromEnv(env: NodeJS.ProcessEnv, dataDir: string): PhotoStore {
  const kind = optional(env, 'PHOTO_STORE') ?? 'fs';
  if (kind === 'fs') return createFsPhotoStore(join(dataDir, 'photos'));
  if (kind !== 's3') throw new Error(`PHOTO_STORE must be one of ${KINDS.join(', ')}, got ${JSON.stringify(env.PHOTO_STORE)}`);
  const endpoint = optional(env, 'S3_ENDPOINT');
  return createS3PhotoStore({
    endpoint,
    region: optional(env, 'S3_REGION') ?? 'us-east-1',
    bucket: required(env, 'S3_BUCKET'),
    accessKeyId: required(env, 'S3_ACCESS_KEY_ID'),
    secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY'),
    forcePathStyle: pathStyle(optional(env, 'S3_FORCE_PATH_STYLE'), endpoint !== undefined),
    prefix: optional(env, 'S3_PREFIX'),
  });
}
