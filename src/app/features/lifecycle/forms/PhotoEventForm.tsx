// Resolve (a note and at least one "after" photo) and Also seen (optional text and photos).
// The photos are stored with the event, in its transaction.
import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n';
import { PhotoPicker } from '../../../photos/ui/PhotoPicker';
import { photoRows, type StagedPhoto } from '../../../db/photos';
import { EventForm, eventDraft, type Built } from './EventForm';
import type { FormProps } from './types';
import '../../../../shared/i18n/features/lifecycle';

export function PhotoEventForm({ hazard, detail, onDone, type }: FormProps & { type: 'resolve' | 'note' }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<StagedPhoto[]>([]);
  const photoIds = photos.map((p) => p.id);
  const withPhotos = (built: Built): Built =>
    'draft' in built ? { ...built, photos: (eventId) => photoRows(photos, hazard.id, eventId, new Date()) } : built;

  const build = (): Built => {
    if (type === 'note') return withPhotos({ draft: eventDraft(hazard.id, 'note', { text: text.trim(), photoIds }) });
    if (!text.trim()) return { missing: 'lifecycle.needNote' };
    if (photos.length === 0) return { missing: 'lifecycle.needPhoto' };
    return withPhotos({ draft: eventDraft(hazard.id, 'resolve', { note: text.trim(), photoIds }) });
  };

  return (
    <EventForm title={t(`lifecycle.${type}`)} actor={detail.actor} onDone={onDone} build={build}>
      <label class="field">
        <span>{t(type === 'resolve' ? 'lifecycle.resolutionNote' : 'lifecycle.noteText')}</span>
        <textarea rows={3} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <PhotoPicker photos={photos} onChange={setPhotos} />
    </EventForm>
  );
}
