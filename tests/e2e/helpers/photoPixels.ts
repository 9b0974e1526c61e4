// Whether a photo is really drawn: the <img> as shown, drawn to a canvas in the page and read
// back on a small grid, against the fixture file decoded in the same page on the same grid.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { photoFixture } from '../../fixtures/photos';

const GRID = { w: 40, h: 30 };

export interface Drawn {
  natural: [number, number];
  box: [number, number];
  pixels: number[];
}

/** Draws the <img> as shown to a canvas in the page and reads it back on a small grid. */
export function drawn(img: Locator): Promise<Drawn> {
  return img.evaluate(async (el: HTMLImageElement, grid) => {
    await el.decode();
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width: grid.w, height: grid.h });
    const g = canvas.getContext('2d')!;
    g.drawImage(el, 0, 0, grid.w, grid.h);
    return { natural: [el.naturalWidth, el.naturalHeight], box: [el.clientWidth, el.clientHeight], pixels: Array.from(g.getImageData(0, 0, grid.w, grid.h).data) } as Drawn;
  }, GRID);
}

/** The fixture file itself, decoded in the same page on the same grid: what the photo must look like. */
export function expectedPixels(page: Page, name: string): Promise<number[]> {
  const base64 = Buffer.from(photoFixture(name)).toString('base64');
  return page.evaluate(
    async ({ base64, grid }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes]));
      const canvas = new OffscreenCanvas(grid.w, grid.h);
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0, grid.w, grid.h);
      return Array.from(g.getImageData(0, 0, grid.w, grid.h).data);
    },
    { base64, grid: GRID },
  );
}

export function expectPhotoOf(got: Drawn, expected: number[]): void {
  expect(got.natural).toEqual([1200, 900]);
  expect(Math.min(...got.box)).toBeGreaterThanOrEqual(72);
  const rgb = (px: number[]) => px.filter((_, i) => i % 4 !== 3);
  const a = rgb(got.pixels);
  const b = rgb(expected);
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  const spread = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
  expect(spread, 'the drawn photo is not blank').toBeGreaterThan(10);
  const diff = a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
  // The stored copy is re-encoded (JPEG 0.8 when smaller): a few levels off per channel on the
  // generated photo's grain; another photo, or a blank one, is tens of levels off.
  expect(diff, 'the drawn photo is the fixture').toBeLessThan(10);
}

