// The weekly report as PDF: one render at a time in a bounded queue (4 waiting per device, 16 in
// all, then 429), the page built only when its turn comes, and finished PDFs kept until the data
// changes. Requests for the same report share one render; it is cancelled only when every
// client waiting for it has gone.
import { QueueFull, WorkQueue } from './workQueue';
import { renderPdf } from './renderPdf';

export const PDF_QUEUE = { running: 1, waiting: 16, perKey: 4, retryAfterSeconds: 10, maxWaitMs: 15_000 };
/** How long one request waits for its PDF, inside the endpoint's 30 s request deadline. */
const PDF_WAIT_MS = 20_000;
// A few reports (a week × scope × language) in memory; a report PDF is a few hundred KB.
const CACHE_BYTES = 24 * 1024 * 1024;

interface Shared {
  promise: Promise<Buffer | null>;
  controller: AbortController;
  waiters: number;
}

export class PdfReports {
  private readonly queue = new WorkQueue(PDF_QUEUE, 'PDF report');
  private readonly cache = new Map<string, Buffer>();
  private cached = 0;
  private readonly running = new Map<string, Shared>();

  /**
   * The PDF for `key` at data `version`: from the cache, or a render already under way, or a new
   * render queued under `deviceId`. `page` builds the HTML and is called only at the job's turn.
   */
  async get(key: string, version: number, deviceId: string, signal: AbortSignal, page: () => Promise<string>): Promise<Buffer | null> {
    const id = `${key}@${version}`;
    const hit = this.cache.get(id);
    if (hit) {
      // Most recently used last.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    let shared = this.running.get(id);
    if (!shared) {
      const controller = new AbortController();
      const promise = this.queue.run(deviceId, controller.signal, async (s) => renderPdf(await page(), s));
      shared = { promise, controller, waiters: 0 };
      const started = shared;
      this.running.set(id, started);
      promise.then(
        (pdf) => pdf && this.remember(id, pdf),
        () => undefined,
      ).finally(() => this.running.get(id) === started && this.running.delete(id));
    }
    return this.wait(shared, signal);
  }

  private wait(shared: Shared, signal: AbortSignal): Promise<Buffer | null> {
    shared.waiters++;
    return new Promise<Buffer | null>((resolve, reject) => {
      const settle = () => {
        signal.removeEventListener('abort', leave);
        clearTimeout(deadline);
        shared.waiters--;
      };
      // The client left: the render is cancelled once nobody waits for it.
      const leave = () => {
        settle();
        if (shared.waiters === 0) shared.controller.abort(signal.reason);
        reject(signal.reason);
      };
      // Past the deadline the client is told to come back; the render goes on into the cache,
      // so the retry finds it ready.
      const deadline = setTimeout(() => {
        settle();
        reject(new QueueFull(PDF_QUEUE.retryAfterSeconds, 'PDF report'));
      }, PDF_WAIT_MS);
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      shared.promise.then(
        (pdf) => {
          settle();
          resolve(pdf);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }

  private remember(id: string, pdf: Buffer): void {
    // Older versions of the same report are stale once a newer one exists.
    const key = id.slice(0, id.lastIndexOf('@'));
    for (const [other, bytes] of this.cache) {
      if (other.startsWith(`${key}@`)) {
        this.cache.delete(other);
        this.cached -= bytes.byteLength;
      }
    }
    this.cache.set(id, pdf);
    this.cached += pdf.byteLength;
    for (const [oldest, bytes] of this.cache) {
      if (this.cached <= CACHE_BYTES) break;
      this.cache.delete(oldest);
      this.cached -= bytes.byteLength;
    }
  }
}
