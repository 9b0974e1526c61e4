// Reads a checkpoint code from one camera frame: the browser's BarcodeDetector where it exists
// (fast, native), else qr-scanner's decoder worker on the frame's pixels. That worker is a trimmed
// jsQR (about 10 KB gz against jsQR's 45 KB) and decodes off the main thread, so the camera view
// stays smooth on a cheap phone. It is loaded only on browsers without BarcodeDetector (iOS).
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type DetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

export function nativeDetector(): BarcodeDetectorLike | null {
  const Detector = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
  return Detector ? new Detector({ formats: ['qr_code'] }) : null;
}

interface DecodeResult {
  id: number;
  type: 'qrResult';
  data: string | null;
}

let worker: Worker | null = null;
let lastId = 0;

async function decoderWorker(): Promise<Worker> {
  if (!worker) {
    const { createWorker } = await import('qr-scanner/qr-scanner-worker.min.js');
    worker ??= createWorker();
  }
  return worker;
}

/** The text of the QR code in the frame, or null when there is none (a normal outcome). */
export async function decodeFrame(frame: Frame): Promise<string | null> {
  const decoder = await decoderWorker();
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    const done = () => {
      decoder.removeEventListener('message', onMessage);
      decoder.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<DecodeResult>) => {
      if (event.data.id !== id) return;
      done();
      resolve(event.data.data || null);
    };
    const onError = (event: ErrorEvent) => {
      done();
      reject(new Error(`QR decoder failed: ${event.message}`));
    };
    decoder.addEventListener('message', onMessage);
    decoder.addEventListener('error', onError);
    decoder.postMessage({ id, type: 'decode', data: { data: frame.data, width: frame.width, height: frame.height } });
  });
}

/** Frees the decoder when the camera stops; the next scan starts a fresh one. */
export function stopDecoder(): void {
  worker?.terminate();
  worker = null;
}
