// Shows the GPS fix being found and the compound it falls in; the compound stays editable.
import { useI18n } from '../../i18n';
import { localName } from '../../AppContext';
import type { Compound, Position } from '../../../shared/domain/schemas';
import type { GpsState } from './useGpsFix';

interface Props {
  gps: { state: GpsState; fix: Position | null; retry: () => void };
  compounds: Compound[];
  compoundId: string | null;
  onCompound: (id: string | null) => void;
}

export function PositionField({ gps, compounds, compoundId, onCompound }: Props) {
  const { t, locale } = useI18n();
  const { state, fix } = gps;
  return (
    <>
      <div class="field">
        <span id="position-label">{t('form.position')}</span>
        <p aria-labelledby="position-label" aria-live="polite" class={fix ? '' : 'muted'}>
          {fix
            ? `${fix.lat.toFixed(5)}, ${fix.lng.toFixed(5)} (${t('form.accuracy', { m: Math.round(fix.accuracy) })})`
            : state === 'locating'
              ? t('form.locating')
              : state === 'denied'
                ? t('form.geoDenied')
                : t('form.noFix')}
        </p>
        {state !== 'locating' && (!fix || fix.accuracy > 30) && (
          <button type="button" class="btn btn--small" onClick={gps.retry}>
            {t('form.retryFix')}
          </button>
        )}
      </div>
      <label class="field">
        <span>{t('form.compound')}</span>
        <select value={compoundId ?? ''} onChange={(e) => onCompound(e.currentTarget.value || null)}>
          <option value="">{t('form.compoundNone')}</option>
          {compounds.map((c) => (
            <option key={c.id} value={c.id}>
              {localName(c.name, locale)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
