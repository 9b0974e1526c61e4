// Metadata of a kept-as-is JPEG: the orientation is read, and every segment that can carry GPS
// (EXIF/XMP in APP1, IPTC in APP13, comments) is cut while the picture stays a whole JPEG.
import { describe, expect, it } from 'vitest';
import { hasJpegMetadata, jpegOrientation, stripJpegMetadata } from '../../../src/shared/photos/jpegMetadata';
import { sniffImage } from '../../../src/shared/photos/sniffImage';
import { photoFixture } from '../../fixtures/photos';

const contains = (haystack: Uint8Array, text: string) => Buffer.from(haystack).includes(Buffer.from(text, 'latin1'));

describe('JPEG metadata', () => {
  it('reads the EXIF orientation', () => {
    expect(jpegOrientation(photoFixture('phone-12mp-orientation6.jpg'))).toBe(6);
    expect(jpegOrientation(photoFixture('phone-12mp-landscape.jpg'))).toBe(1);
    expect(jpegOrientation(photoFixture('small-1200x900.jpg'))).toBe(1);
  });

  it('strips EXIF (with its GPS) and leaves a whole JPEG of the same size', () => {
    const original = photoFixture('phone-12mp-orientation6.jpg');
    expect(hasJpegMetadata(original)).toBe(true);
    expect(contains(original, 'Exif')).toBe(true);
    const stripped = stripJpegMetadata(original)!;
    expect(hasJpegMetadata(stripped)).toBe(false);
    expect(contains(stripped.subarray(0, 4096), 'Exif')).toBe(false);
    expect(sniffImage(stripped)).toEqual({ mime: 'image/jpeg', width: 4032, height: 3024 });
    expect(stripped.length).toBeLessThan(original.length);
  });

  it('gives null for bytes that are not a JPEG', () => {
    expect(stripJpegMetadata(photoFixture('not-an-image.jpg'))).toBeNull();
  });
});
