// The full-screen photo viewer, loaded on first use. A modal dialog over everything (portalled to
// <body>, so a Leaflet popup's transformed pane cannot trap it), with the rest of the page inert:
// arrows and swipes move between the photos of one hazard or event, Esc and Close leave, Tab
// stays inside, and "Photo 2 of 3" is announced. Zoom (pinch, double-tap) lives in ZoomStage.
import { createPortal } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { PhotoOwner } from '../photoSource';
import { ZoomStage } from './ZoomStage';
import './viewer.css';
import '../../../shared/i18n/features/photos';

export interface PhotoViewerProps {
  ids: readonly string[];
  start: number;
  owner: PhotoOwner;
  onClose: () => void;
}

/**
 * While open, everything else on the page is inert and focus is on `first`; on close the page is
 * given back, then focus returns to what had it (the tile that opened the viewer).
 */
function useModal(host: HTMLElement, first: { current: HTMLElement | null }) {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const others = [...document.body.children].filter((el): el is HTMLElement => el !== host && el instanceof HTMLElement && !el.inert);
    for (const el of others) el.inert = true;
    first.current?.focus();
    return () => {
      others.forEach((el) => (el.inert = false));
      host.remove();
      opener?.focus();
    };
  }, [host, first]);
}

export function PhotoViewer({ ids, start, owner, onClose }: PhotoViewerProps) {
  const { t } = useI18n();
  const [index, setIndex] = useState(start);
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.className = 'viewer-host';
    document.body.append(el);
    return el;
  });
  const closeButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useModal(host, closeButton);
  const total = ids.length;
  const go = (step: number) => setIndex((i) => (i + step + total) % total);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowRight' && total > 1) go(1);
    else if (event.key === 'ArrowLeft' && total > 1) go(-1);
    else if (event.key === 'Tab') {
      // The page behind is inert, but keep Tab cycling inside even where `inert` is missing.
      const stops = [...(dialog.current?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? [])];
      const first = stops[0];
      const last = stops.at(-1);
      if (!first || !last) return;
      const wrapTo = event.shiftKey ? (document.activeElement === first ? last : null) : document.activeElement === last ? first : null;
      if (wrapTo) {
        wrapTo.focus();
        event.preventDefault();
      }
      return;
    } else return;
    event.preventDefault();
  };
  const id = ids[index] ?? ids[0]!;
  return createPortal(
    <div class="viewer" role="dialog" aria-modal="true" aria-labelledby="viewer-title" aria-describedby="viewer-hint" ref={dialog} onKeyDown={onKeyDown}>
      <p id="viewer-title" class="viewer__title" aria-live="polite">
        {t('photos.ofTotal', { n: index + 1, total })}
      </p>
      <p id="viewer-hint" class="visually-hidden">{t('photos.zoomHint')}</p>
      <ZoomStage key={id} id={id} owner={owner} alt={t('photos.thumbAlt', { n: index + 1 })} onSwipe={total > 1 ? go : undefined} />
      <div class="viewer__bar">
        {total > 1 && (
          <button type="button" class="viewer__button" aria-label={t('photos.prev')} onClick={() => go(-1)}>
            <span class="viewer__arrow" aria-hidden="true">‹</span>
          </button>
        )}
        <button type="button" class="viewer__button viewer__close" ref={closeButton} onClick={onClose}>
          {t('photos.close')}
        </button>
        {total > 1 && (
          <button type="button" class="viewer__button" aria-label={t('photos.next')} onClick={() => go(1)}>
            <span class="viewer__arrow" aria-hidden="true">›</span>
          </button>
        )}
      </div>
    </div>,
    host,
  );
}
