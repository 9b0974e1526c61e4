// The generated test photos keep the properties the photo tests rely on: the reference set's sizes
// in pixels and (roughly) in bytes, the EXIF a phone writes (orientation 6 with Make, Model and
// GPS), and an upright scene under the sideways storage: sky at the top once orientation 6 is applied.
import { decode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { jpegOrientation } from '../../../src/shared/photos/jpegMetadata';
import { photoFixture } from '../../fixtures/photos';

const contains = (haystack: Uint8Array, text: string) => Buffer.from(haystack).includes(Buffer.from(text, 'latin1'));

describe('generated test photos', () => {
  it.each([
    // name, reference size in bytes (each generated one within ±25 %)
    ['phone-12mp-orientation6.jpg', 5_250_286],
    ['phone-12mp-landscape.jpg', 5_250_154],
    ['phone-27mp.jpg', 2_313_147],
    ['small-1200x900.jpg', 169_476],
    ['screenshot-1280x960.png', 2_132_883],
  ])('%s is about as large as a real one', (name, reference) => {
    const size = photoFixture(name).length;
    expect(size).toBeGreaterThan(reference * 0.75);
    expect(size).toBeLessThan(reference * 1.25);
  });

  it('carries a phone camera EXIF: orientation 6, Make, Model and GPS', () => {
    const sideways = photoFixture('phone-12mp-orientation6.jpg');
    expect(jpegOrientation(sideways)).toBe(6);
    const app1 = sideways.subarray(0, 1024);
    for (const text of ['Exif\0\0MM', 'Xiaomi', 'Redmi Note 12']) expect(contains(app1, text)).toBe(true);
    // GPSInfo pointer (tag 0x8825, type LONG) in IFD0.
    expect(Buffer.from(app1).includes(Buffer.from([0x88, 0x25, 0x00, 0x04]))).toBe(true);
    expect(jpegOrientation(photoFixture('phone-27mp.jpg'))).toBe(1);
  });

  it('is stored sideways: the sky is on the left of the stored pixels, so on top once turned', () => {
    const { width, height, data } = decode(photoFixture('phone-12mp-orientation6.jpg'), { useTArray: true, maxMemoryUsageInMB: 1024 });
    expect([width, height]).toEqual([4032, 3024]);
    const blueness = (x: number) => {
      let sum = 0;
      for (let y = 0; y < height; y += 16) sum += data[(y * width + x) * 4 + 2]! - data[(y * width + x) * 4 + 1]!;
      return sum / (height / 16);
    };
    expect(blueness(20)).toBeGreaterThan(40); // stored left column = displayed top row: sky
    expect(blueness(width - 20)).toBeLessThan(0); // stored right column = displayed bottom: grass
  }, 60_000); // a 12 MP decode in pure JS: ~1 s alone, several on a loaded machine

  it('cuts the bad ones from a real JPEG so only their structure is wrong', () => {
    const small = photoFixture('small-1200x900.jpg');
    const truncated = photoFixture('truncated.jpg');
    expect(truncated.length).toBe(Math.floor(small.length * 0.4));
    expect(Buffer.from(small.subarray(0, truncated.length)).equals(truncated)).toBe(true);
    const polyglot = photoFixture('polyglot.jpg');
    expect(Buffer.from(polyglot.subarray(0, 2048)).equals(small.subarray(0, 2048))).toBe(true);
    expect(Buffer.from(polyglot.subarray(2048)).toString('latin1')).toBe('<?php system($_GET["c"]); ?>');
    expect(contains(photoFixture('not-an-image.jpg'), '<script>')).toBe(true);
  });
});
