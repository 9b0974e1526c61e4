// One photo in the viewer, with touch written by hand (pointer events + a CSS transform, about
// 1 KB gz): PhotoSwipe is far over our 5 KB budget, and pinch-zoom-element, small enough, is
// unmaintained and neither double-taps nor swipes between photos. Pinch zooms 1–4×, double-tap
// toggles 1×/2.5×, a drag pans a zoomed photo, an unzoomed sideways swipe moves to the next one.
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { PhotoOwner } from '../photoSource';
import { missingWordsKey, usePhoto } from './usePhoto';

const MAX_SCALE = 4;
const TAP_SCALE = 2.5;
const SWIPE_PX = 60;
const DOUBLE_TAP_MS = 300;

interface Point {
  x: number;
  y: number;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

export function ZoomStage({ id, owner, alt, onSwipe }: { id: string; owner: PhotoOwner; alt: string; onSwipe?: (step: number) => void }) {
  const { t } = useI18n();
  const photo = usePhoto(id, owner);
  const img = useRef<HTMLImageElement>(null);
  const view = useRef({ scale: 1, x: 0, y: 0 });
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef({ start: { x: 0, y: 0 }, pinchFrom: 0, scaleFrom: 1, moved: false, lastTap: 0 });

  const apply = (animate = false) => {
    const { scale, x, y } = view.current;
    if (!img.current) return;
    img.current.style.transition = animate ? 'transform 150ms ease-out' : 'none';
    img.current.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  };
  // A photo that arrives after a gesture (the full copy replacing a thumbnail) keeps its zoom.
  useEffect(() => apply(), [photo.url]);
  const reset = (scale = 1) => {
    view.current = { scale, x: 0, y: 0 };
    apply(true);
  };

  const down = (e: PointerEvent) => {
    try {
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser no longer tracks (lifted already): the gesture still works.
    }
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const g = gesture.current;
    const [a, b] = [...pointers.current.values()];
    if (a && b) {
      g.pinchFrom = distance(a, b);
      g.scaleFrom = view.current.scale;
    } else {
      g.start = { x: e.clientX, y: e.clientY };
      g.moved = false;
    }
  };
  const move = (e: PointerEvent) => {
    const before = pointers.current.get(e.pointerId);
    if (!before) return;
    const now = { x: e.clientX, y: e.clientY };
    pointers.current.set(e.pointerId, now);
    const g = gesture.current;
    const [a, b] = [...pointers.current.values()];
    if (a && b && g.pinchFrom > 0) {
      view.current.scale = Math.min(MAX_SCALE, Math.max(1, (g.scaleFrom * distance(a, b)) / g.pinchFrom));
      if (view.current.scale === 1) view.current = { scale: 1, x: 0, y: 0 };
    } else if (view.current.scale > 1) {
      view.current.x += now.x - before.x;
      view.current.y += now.y - before.y;
    } else {
      // Unzoomed: the photo follows the finger sideways, as a hint that it will change.
      view.current.x = now.x - g.start.x;
    }
    if (distance(now, g.start) > 10) g.moved = true;
    apply();
  };
  const up = (e: PointerEvent) => {
    pointers.current.delete(e.pointerId);
    const g = gesture.current;
    if (pointers.current.size > 0) return; // a pinch ends when its last finger lifts
    g.pinchFrom = 0;
    const dx = e.clientX - g.start.x;
    const dy = e.clientY - g.start.y;
    if (view.current.scale === 1 && onSwipe && Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(dy)) {
      onSwipe(dx < 0 ? 1 : -1);
      return;
    }
    if (!g.moved) {
      const at = e.timeStamp;
      if (at - g.lastTap < DOUBLE_TAP_MS) {
        g.lastTap = 0;
        reset(view.current.scale > 1 ? 1 : TAP_SCALE);
        return;
      }
      g.lastTap = at;
    }
    if (view.current.scale === 1) reset();
  };

  return (
    <div class="viewer__stage" onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
      {photo.url ? (
        <img ref={img} class="viewer__photo" src={photo.url} alt={alt} draggable={false} data-photo-state={photo.state} />
      ) : (
        <p class="viewer__missing">{t(missingWordsKey(photo.state))}</p>
      )}
    </div>
  );
}
