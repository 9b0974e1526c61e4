// Reads a checkpoint code from one camera frame: the browser's BarcodeDetector where it exists
// (fast, native), else the jsqr library on the frame's pixels (loaded only on such browsers).
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

/** The text of the QR code in the frame, or null when there is none (a normal outcome). */
export async function decodeFrame(frame: Frame): Promise<string | null> {
  const { default: jsQR } = await import('jsqr');
  return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
