// The shared sniffer judges whole files: each fixture gets its true type and size, and each bad
// one (HTML named .jpg, a JPEG header glued to PHP, the first 40% of a JPEG) gets null.
import { describe, expect, it } from 'vitest';
import { isImageOfType, sniffImage } from '../../../src/shared/photos/sniffImage';
import { photoFixture } from '../../fixtures/photos';

describe('sniffImage', () => {
  it.each([
    ['phone-12mp-landscape.jpg', 'image/jpeg', 4032, 3024],
    ['phone-12mp-orientation6.jpg', 'image/jpeg', 4032, 3024],
    ['phone-27mp.jpg', 'image/jpeg', 6000, 4500],
    ['small-1200x900.jpg', 'image/jpeg', 1200, 900],
    ['screenshot-1280x960.png', 'image/png', 1280, 960],
  ])('reads %s as %s %i×%i', (name, mime, width, height) => {
    expect(sniffImage(photoFixture(name))).toEqual({ mime, width, height });
  });

  it.each(['not-an-image.jpg', 'polyglot.jpg', 'truncated.jpg'])('refuses %s', (name) => {
    expect(sniffImage(photoFixture(name))).toBeNull();
  });

  it('refuses a whole JPEG with anything after its EOI', () => {
    const jpeg = photoFixture('small-1200x900.jpg');
    const tail = new TextEncoder().encode('<script>alert(1)</script>');
    const glued = new Uint8Array(jpeg.length + tail.length);
    glued.set(jpeg);
    glued.set(tail, jpeg.length);
    expect(sniffImage(jpeg)).not.toBeNull();
    expect(sniffImage(glued)).toBeNull();
  });

  it('refuses a PNG cut short and a PNG with bytes after IEND', () => {
    const png = photoFixture('screenshot-1280x960.png');
    expect(sniffImage(png.subarray(0, png.length - 6))).toBeNull();
    const longer = new Uint8Array(png.length + 4);
    longer.set(png);
    expect(sniffImage(longer)).toBeNull();
  });

  it('reads a minimal lossless WebP and refuses one whose RIFF size lies', () => {
    // RIFF <size> WEBP VP8L <len> 0x2f + 14-bit width-1 / height-1 (here 3×2), padded to even.
    const webp = new Uint8Array([
      0x52, 0x49, 0x46, 0x46, 0x1a, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x4c, 0x0d, 0, 0, 0,
      0x2f, 0x02, 0x40, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(sniffImage(webp)).toEqual({ mime: 'image/webp', width: 3, height: 2 });
    const lying = webp.slice();
    lying[4] = 0x40;
    expect(sniffImage(lying)).toBeNull();
  });

  it('matches only the claimed type', () => {
    const jpeg = photoFixture('small-1200x900.jpg');
    expect(isImageOfType(jpeg, 'image/jpeg')).not.toBeNull();
    expect(isImageOfType(jpeg, 'image/png')).toBeNull();
  });
});

describe('sniffImage for the phone (trailing data allowed)', () => {
  it('accepts a whole JPEG with a video appended, still refuses the truncated and the polyglot', () => {
    const jpeg = photoFixture('small-1200x900.jpg');
    const trailer = new TextEncoder().encode('\0\0\0\x18ftypmp42 motion photo video');
    const motion = new Uint8Array(jpeg.length + trailer.length);
    motion.set(jpeg);
    motion.set(trailer, jpeg.length);
    expect(sniffImage(motion)).toBeNull();
    expect(sniffImage(motion, { trailing: true })).toEqual({ mime: 'image/jpeg', width: 1200, height: 900 });
    for (const name of ['truncated.jpg', 'polyglot.jpg', 'not-an-image.jpg']) expect(sniffImage(photoFixture(name), { trailing: true })).toBeNull();
  });
});
