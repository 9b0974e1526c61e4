// QR codes the office prints or shows (enrollment, checkpoint cards), as PNG data URLs.
// lean-qr is about 3.5 KB gz against node-qrcode's 9 KB, and it is synchronous.
import { correction, generate } from 'lean-qr';

/** A QR code about `sizePx` wide, with a one-module quiet zone, at error correction M or better. */
export function qrDataUrl(text: string, sizePx = 240): string {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const scale = Math.max(1, Math.floor(sizePx / (code.size + 2)));
  return code.toDataURL({ type: 'image/png', pad: 1, scale });
}
