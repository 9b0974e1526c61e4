// The frame of every lifecycle form: a heading, the fields, the reason it cannot be saved yet,
// and Save / Cancel. "Saved" appears only after the event's transaction has committed.
import { FormFooter } from '../../../ui/FormFooter';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useApp } from '../../../AppContext';
import { useI18n } from '../../../i18n';
import { showToast } from '../../../ui/toast';
import type { PhotoRow } from '../../../db/db';
import { LifecycleRefusedError, saveHazardEvent } from '../../../db/saveHazardEvent';
import { isQuotaExceeded } from '../../../db/storageErrors';
import { rejectionWords } from '../eventWords';
import type { Actor } from '../../../../shared/domain/hazardLifecycle';
import type { HazardEventDraft } from '../../../../shared/domain/hazardEvents';
import type { MessageKey } from '../../../../shared/i18n';
import '../../../../shared/i18n/features/lifecycle';
import { newId } from '../../../../shared/ids';

/** What a form hands over on Save: the event and its photos, or the words for what is missing. */
export type Built = { draft: HazardEventDraft; photos?: (eventId: string) => PhotoRow[] } | { missing: MessageKey };

type DataOf<T extends HazardEventDraft['type']> = Extract<HazardEventDraft, { type: T }>['data'];

export function eventDraft<T extends HazardEventDraft['type']>(hazardId: string, type: T, data: DataOf<T>): HazardEventDraft {
  return { id: newId(), hazardId, at: new Date().toISOString(), type, data } as HazardEventDraft;
}

interface Props {
  title: string;
  actor: Actor;
  build: () => Built;
  onDone: () => void;
  children: ComponentChildren;
}

export function EventForm({ title, actor, build, onDone, children }: Props) {
  const { db, scheduler } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (saving) return;
    const built = build();
    if ('missing' in built) return setError(t(built.missing));
    setSaving(true);
    setError(null);
    try {
      await saveHazardEvent(db, actor, built.draft, built.photos?.(built.draft.id) ?? []);
    } catch (err) {
      setSaving(false);
      if (err instanceof LifecycleRefusedError) {
        return setError(t('lifecycle.refused', { reason: rejectionWords({ rejection: err.refusal }, i18n) }));
      }
      return setError(isQuotaExceeded(err) ? t('error.storageFull') : t('error.saveFailed', { detail: err instanceof Error ? err.name : '?' }));
    }
    showToast(t('lifecycle.saved'));
    scheduler.afterSave();
    onDone();
  }

  return (
    <form class="card stack event-form" onSubmit={submit} noValidate aria-labelledby="event-form-heading">
      <h2 id="event-form-heading">{title}</h2>
      {children}
      <FormFooter error={error} saving={saving} onCancel={onDone} />
    </form>
  );
}
