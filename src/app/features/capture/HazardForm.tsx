// The hazard form. "Saved" appears only after the hazard and its outbox mutation have committed
// together; on failure the typed text stays in the form and the reason is shown.
import { FormFooter } from '../../ui/FormFooter';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { navigate } from '../../ui/useRoute';
import { formGuard } from '../../ui/formGuard';
import { showToast } from '../../ui/toast';
import { saveHazard } from '../../db/saveHazard';
import { isQuotaExceeded } from '../../db/storageErrors';
import { requestPersistenceOnce } from '../settings';
import { STANDARD_CATEGORIES } from '../../../shared/domain/categories';
import { SEVERITIES } from '../../../shared/domain/schemas';
import { findCompound } from '../../../shared/geo/pointInPolygon';
import { clearDraft, emptyDraft, isDraftDirty, loadDraft, storeDraft, type FormDraft } from './formDraft';
import { useGpsFix } from './useGpsFix';
import { positionOf } from './chooseFix';
import { PositionField } from './PositionField';
import { roundIdForNewHazard } from '../rounds';
import { DuplicateHints } from '../lifecycle';
import { PhotoPicker } from '../../photos/ui/PhotoPicker';
import { PhotoNotStoredError } from '../../db/saveHazard';
import '../../../shared/i18n/features/photos';

export function HazardForm() {
  const { db, session, scheduler } = useApp();
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<FormDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const gps = useGpsFix();
  const pulled = useLiveQuery(() => db.categories.orderBy('sort').toArray(), [db], []);
  const compounds = useLiveQuery(() => db.compounds.toArray(), [db], []);
  const categories = pulled.length > 0 ? pulled : STANDARD_CATEGORIES;

  useEffect(() => {
    void loadDraft(db).then((saved) => setDraft(saved ?? emptyDraft()));
    return () => formGuard.setDirty(false);
  }, [db]);

  // Until the member picks one, the compound follows the GPS fix.
  const located = useMemo(
    () => (gps.fix ? findCompound(gps.fix.lng, gps.fix.lat, compounds)?.id ?? null : null),
    [gps.fix, compounds],
  );
  const compoundId = draft?.compoundChosen ? draft.compoundId : located;

  if (!draft) return <p class="loading">{t('app.loading')}</p>;

  function update(patch: Partial<FormDraft>): Promise<void> {
    const next = { ...draft!, ...patch };
    setDraft(next);
    formGuard.setDirty(isDraftDirty(next));
    return storeDraft(db, next);
  }

  async function save(event: Event) {
    event.preventDefault();
    if (saving || !draft) return;
    if (!draft.categoryId) return setError(t('form.needCategory'));
    if (!draft.description.trim()) return setError(t('form.needDescription'));
    setSaving(true);
    setError(null);
    // The bench reads this measure: tap Save → transaction complete.
    const started = performance.now();
    try {
      await saveHazard(db, session, {
        id: draft.id,
        categoryId: draft.categoryId,
        severity: draft.severity,
        description: draft.description.trim(),
        position: gps.fix && positionOf(gps.fix),
        compoundId,
        roundId: await roundIdForNewHazard(db, session.member.id),
        photoIds: [],
        createdAt: new Date().toISOString(),
      }, new Date(), draft.photos ?? []);
    } catch (e) {
      setSaving(false);
      return setError(
        isQuotaExceeded(e)
          ? t('error.storageFull')
          : e instanceof PhotoNotStoredError
            ? t('photos.notStored')
            : t('error.saveFailed', { detail: e instanceof Error ? e.name : '?' }),
      );
    }
    performance.measure('hazard-save', { start: started });
    formGuard.setDirty(false);
    await clearDraft(db).catch(() => undefined);
    showToast(t('form.saved'));
    scheduler.afterSave();
    void requestPersistenceOnce(db);
    navigate('home', { replace: true });
  }

  async function cancel() {
    formGuard.setDirty(false);
    await clearDraft(db);
    navigate('home', { replace: true });
  }

  return (
    <section class="screen">
      <h1>{t('form.title')}</h1>
      <form class="stack" onSubmit={save} noValidate>
        <label class="field">
          <span>{t('form.category')}</span>
          <select value={draft.categoryId} onChange={(e) => update({ categoryId: e.currentTarget.value })} required>
            <option value="">{t('form.categoryPick')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {localName(c.name, locale)}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="field segmented" role="radiogroup" aria-labelledby="severity-legend">
          <legend id="severity-legend">{t('form.severity')}</legend>
          {SEVERITIES.map((s) => (
            <label key={s} class={`segment segment--${s}`}>
              <input type="radio" name="severity" value={s} checked={draft.severity === s} onChange={() => update({ severity: s })} />
              <span>{t(`severity.${s}`)}</span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>{t('form.description')}</span>
          <textarea
            rows={4}
            maxLength={2000}
            placeholder={t('form.descriptionHint')}
            value={draft.description}
            onInput={(e) => update({ description: e.currentTarget.value })}
          />
        </label>
        <PhotoPicker photos={draft.photos ?? []} onChange={(photos) => update({ photos })} />
        <PositionField
          gps={gps}
          compounds={compounds}
          compoundId={compoundId}
          onCompound={(id) => update({ compoundId: id, compoundChosen: true })}
        />
        <DuplicateHints categoryId={draft.categoryId} position={gps.fix} draftId={draft.id} />
        <FormFooter error={error} saving={saving} onCancel={() => void cancel()} />
      </form>
    </section>
  );
}
