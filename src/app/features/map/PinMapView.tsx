// The Preact side of pinMap.ts: loads Leaflet (its lazy chunk) once the basemap is known and
// builds the map; says when tiles are unavailable (the outlines and the pin still show). A fixed
// pin is rebuilt when it moves (a placement arrived); a draggable one is built once and reports
// moves through onMove.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import { useBasemap } from './useBasemap';
import type { PinMap, PinOutline, PinPoint } from './pinMap';
import '../../../shared/i18n/features/lifecycle';

interface Props {
  /** The region's accessible name (the picker) — a fixed map is hidden from screen readers, its text line says it. */
  label: string;
  pinLabel: string;
  outlines: readonly PinOutline[];
  pin: PinPoint | null;
  centre: PinPoint | null;
  onMove?: (point: PinPoint) => void;
}

export function PinMapView({ label, pinLabel, outlines, pin, centre, onMove }: Props) {
  const { db } = useApp();
  const { t } = useI18n();
  const basemap = useBasemap(db, useEndpointConfig());
  const container = useRef<HTMLDivElement>(null);
  const [tiles, setTiles] = useState<'ok' | 'error'>('ok');
  const moveRef = useRef(onMove);
  moveRef.current = onMove;
  const picker = Boolean(onMove);
  const key = basemap ? JSON.stringify([basemap, outlines.map((o) => o.id), picker || [pin, centre]]) : null;

  useEffect(() => {
    if (!basemap || !container.current) return;
    let live = true;
    let built: PinMap | null = null;
    void import('./pinMap').then(({ PinMap }) => {
      if (!live || !container.current) return;
      built = new PinMap(container.current, {
        basemap,
        outlines,
        pin,
        centre,
        pinLabel,
        onMove: picker ? (point) => moveRef.current?.(point) : undefined,
        onTiles: setTiles,
      });
    });
    return () => {
      live = false;
      built?.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const noTiles = basemap?.provider === 'none' || tiles === 'error';
  return (
    <div class="pin-map-frame">
      <div
        ref={container}
        class={`pin-map${picker ? ' pin-map--picker' : ''}`}
        {...(picker ? { role: 'region', 'aria-label': label } : { 'aria-hidden': 'true' })}
        data-testid={picker ? 'place-map' : 'position-map'}
      />
      {noTiles && <p class="muted pin-map__notice">{t('place.tiles')}</p>}
    </div>
  );
}
