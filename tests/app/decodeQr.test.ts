// The fallback QR reader (jsqr) on a frame holding a printed checkpoint code, as the camera
// would see it on browsers without BarcodeDetector.
import { describe, expect, it } from 'vitest';
import { create } from 'qrcode';
import { decodeFrame, type Frame } from '../../src/app/features/rounds/decodeQr';

/** Renders a QR code like the printed sheet: black modules on white, with a quiet zone. */
function frameOf(text: string, scale = 6, quiet = 4): Frame {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + quiet * 2) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - quiet;
      const my = Math.floor(y / scale) - quiet;
      const dark = mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx) === 1;
      if (dark) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  return { data, width: size, height: size };
}

describe('decodeFrame', () => {
  it('reads a checkpoint code from a frame', async () => {
    expect(await decodeFrame(frameOf('9T2KH4EH'))).toBe('9T2KH4EH');
  });

  it('returns null for a frame without a code', async () => {
    const blank = { data: new Uint8ClampedArray(200 * 200 * 4).fill(255), width: 200, height: 200 };
    expect(await decodeFrame(blank)).toBeNull();
  });
});
