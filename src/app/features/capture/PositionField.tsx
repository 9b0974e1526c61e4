// Shows the position being found (its accuracy, live, and where it came from) and the compound
// it falls in; the compound stays editable. Without a fix it says what is happening (still
// trying, or permission off and how to turn it on) and that saving is fine: the hazard can be
// placed on the map later.
import { useI18n } from '../../i18n';
import { localName } from '../../AppContext';
import type { Compound } from '../../../shared/domain/schemas';
import { GOOD_ENOUGH_M, type Gps } from './useGpsFix';

interface Props {
  gps: Gps;
  compounds: Compound[];
  compoundId: string | null;
  onCompound: (id: string | null) => void;
}

export function PositionField({ gps, compounds, compoundId, onCompound }: Props) {
  const { t, locale } = useI18n();
  const { state, fix } = gps;
  const status =
    state === 'denied' ? t('form.geoDenied')
    : state === 'unsupported' ? t('form.geoUnsupported')
    : state === 'retrying' ? t('form.retrying')
    : fix ? (fix.accuracy > GOOD_ENOUGH_M ? t('form.roughFix') : t('form.improving'))
    : t('form.locating');
  return (
    <>
      <div class="field position-field">
        <span id="position-label">{t('form.position')}</span>
        <p aria-labelledby="position-label" aria-live="polite" class="position-field__fix">
          {fix ? (
            <>
              <strong>{t('form.accuracy', { m: Math.round(fix.accuracy) })}</strong>{' '}
              <span>{fix.source === 'round' ? t('form.fromRound') : t('form.fromGps')}</span>
            </>
          ) : (
            <strong>{t('form.noFixYet')}</strong>
          )}
        </p>
        <p class={state === 'denied' ? 'error' : 'muted'}>{status}</p>
        {!fix && <p class="muted">{t('form.noFix')}</p>}
        {state !== 'unsupported' && (!fix || state === 'retrying' || state === 'denied') && (
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
