// A bounded queue of heavy work (weekly reports, PDF renders): at most `running` jobs at once,
// at most `waiting` queued in all and `perKey` per device; past that the request is refused at
// once (429 with Retry-After) instead of holding memory while it waits. A request whose client
// goes away leaves the queue, and the job it started is handed its abort signal.
import { ApiError } from '../http/apiError';

export interface QueueLimits {
  running: number;
  waiting: number;
  perKey: number;
  /** What Retry-After says when the queue is full. */
  retryAfterSeconds: number;
  /** A request that waited this long without its turn is refused (429), inside the request deadline. */
  maxWaitMs: number;
}

interface Waiter {
  key: string;
  start: () => void;
}

export class QueueFull extends ApiError {
  constructor(readonly retryAfterSeconds: number, what: string) {
    super(429, 'rate_limited', `too many ${what} requests waiting; try again in ${retryAfterSeconds} s`);
  }
}

export class WorkQueue {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private readonly perKey = new Map<string, number>();

  constructor(
    private readonly limits: QueueLimits,
    private readonly what: string,
  ) {}

  get size(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.queue.length };
  }

  /** Runs `work` when a slot is free; throws QueueFull at once when the queue is full. */
  async run<T>(key: string, signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const release = await this.acquire(key, signal);
    try {
      return await work(signal);
    } finally {
      release();
    }
  }

  /**
   * A slot, held until the returned release() is called (once the answer is fully sent, for a
   * streamed body); throws QueueFull at once when the queue is full.
   */
  async acquire(key: string, signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    const mine = this.perKey.get(key) ?? 0;
    const mustWait = this.active >= this.limits.running;
    if (mine >= this.limits.perKey || (mustWait && this.queue.length >= this.limits.waiting)) {
      throw new QueueFull(this.limits.retryAfterSeconds, this.what);
    }
    this.perKey.set(key, mine + 1);
    const forget = () => {
      const left = (this.perKey.get(key) ?? 1) - 1;
      if (left === 0) this.perKey.delete(key);
      else this.perKey.set(key, left);
    };
    try {
      if (mustWait) await this.turn(key, signal);
      else this.active++;
    } catch (error) {
      forget();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      forget();
      this.active--;
      this.next();
    };
  }

  private turn(key: string, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        key,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          clearTimeout(timer);
          this.active++;
          resolve();
        },
      };
      const leave = (reason: unknown) => {
        signal.removeEventListener('abort', onAbort);
        clearTimeout(timer);
        const at = this.queue.indexOf(waiter);
        if (at >= 0) this.queue.splice(at, 1);
        reject(reason);
      };
      const onAbort = () => leave(signal.reason);
      const timer = setTimeout(() => leave(new QueueFull(this.limits.retryAfterSeconds, this.what)), this.limits.maxWaitMs);
      signal.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private next(): void {
    if (this.active < this.limits.running) this.queue.shift()?.start();
  }
}
