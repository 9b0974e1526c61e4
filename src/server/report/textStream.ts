// A response body streamed from a generator of text pieces, a few hundred pieces per pull, so a
// large export is never held whole in memory and a slow client slows the producer (backpressure).
const PIECES_PER_PULL = 256;

/** `done` runs once, when the body has been read to its end, cancelled, or failed. */
export function textStream(pieces: Iterator<string>, done: () => void = () => undefined): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        let text = '';
        for (let i = 0; i < PIECES_PER_PULL; i++) {
          const next = pieces.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            done();
            return;
          }
          text += next.value;
        }
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        done();
        throw error;
      }
    },
    cancel() {
      pieces.return?.(undefined);
      done();
    },
  });
}

/** A JSON array's text, element by element: `[`, the elements with commas, `]`. */
export function* jsonArrayPieces<T>(items: Iterable<T>, before: string, after: string): Generator<string> {
  yield before;
  let first = true;
  for (const item of items) {
    yield (first ? '' : ',') + JSON.stringify(item);
    first = false;
  }
  yield after;
}
