// Compresses a picked photo off the main thread where the browser allows (a module worker with
// OffscreenCanvas: Chromium, Firefox, Safari 16.4+), else on the page with a canvas the size of
// the output. One worker serves every photo and is let go after a quiet minute.
import type { CompressedPhoto, Encode } from './compressCore';
import { UndecodableImage } from './UndecodableImage';
import type { CompressReply, CompressRequest } from './compress.worker';

const IDLE_MS = 60_000;
let worker: Worker | null = null;
let workerBroken = false;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve: (p: CompressedPhoto) => void; reject: (e: Error) => void }>();

const canUseWorker = () => !workerBroken && typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined';

function failAll(error: Error): void {
  for (const { reject } of waiting.values()) reject(error);
  waiting.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./compress.worker.ts', import.meta.url), { type: 'module' });
  created.addEventListener('message', (event: MessageEvent<CompressReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.photo);
    else pending.reject(reply.undecodable ? new UndecodableImage() : new Error(reply.message));
  });
  created.addEventListener('error', () => {
    // A worker that cannot even start (old WebView, CSP): the page does the work from now on.
    workerBroken = true;
    worker = null;
    failAll(new Error('compression worker failed'));
  });
  worker = created;
  return created;
}

function inWorker(file: Blob): Promise<CompressedPhoto> {
  clearTimeout(idleTimer);
  const id = nextId++;
  const result = new Promise<CompressedPhoto>((resolve, reject) => waiting.set(id, { resolve, reject }));
  getWorker().postMessage({ id, file } satisfies CompressRequest);
  return result.finally(() => {
    if (waiting.size === 0) {
      idleTimer = setTimeout(() => {
        worker?.terminate();
        worker = null;
      }, IDLE_MS);
    }
  });
}

const encodeOnPage: Encode = (bitmap, quality) => {
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/jpeg', quality),
  );
};

export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  if (canUseWorker()) {
    try {
      return await inWorker(file);
    } catch (error) {
      if (error instanceof UndecodableImage || !workerBroken) throw error;
    }
  }
  // The page fallback is loaded only on browsers that need it.
  const { compressImage } = await import('./compressCore');
  return compressImage(file, encodeOnPage);
}
