// "Add photo" (the camera) and "From gallery": file inputs, and a strip of thumbnails of what will
// be saved. Each file is compressed as it is picked (off the main thread), so Save is instant and
// an unreadable file is reported while the member still has the form; the others are kept.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { MAX_PHOTOS_PER_HAZARD } from '../../../shared/domain/schemas';
import { PhotoUndecodableError, stagePhoto, type StagedPhoto } from '../stagePhoto';
import '../../../shared/i18n/features/photos';

interface Props {
  photos: readonly StagedPhoto[];
  /** May return the promise of storing them (the form's draft), so "stored" can be timed. */
  onChange: (photos: StagedPhoto[]) => void | Promise<void>;
  max?: number;
}

const ACCEPT = 'image/jpeg,image/png,image/webp';

export function PhotoPicker({ photos, onChange, max = MAX_PHOTOS_PER_HAZARD }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Thumbnails (≤ 20 KB) for the strip, not the full photos.
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p.thumb ?? p.blob)), [photos]);
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);

  const onFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    // The bench reads this measure: file input → compressed photo stored in IndexedDB.
    const started = performance.now();
    setBusy(true);
    setError(null);
    const next = [...photos];
    const unreadable: string[] = [];
    for (const file of Array.from(files)) {
      if (next.length >= max) {
        setError(t('photos.tooMany', { max }));
        break;
      }
      try {
        const staged = await stagePhoto(file);
        performance.measure('photo-staged', { start: started });
        if (!next.some((p) => p.id === staged.id)) next.push(staged);
      } catch (e) {
        if (!(e instanceof PhotoUndecodableError)) throw e;
        unreadable.push(file.name);
      }
    }
    if (unreadable.length > 0) setError(t('photos.undecodable', { name: unreadable.join(', ') }));
    setBusy(false);
    if (next.length === photos.length) return;
    try {
      await onChange(next);
    } catch {
      return; // the draft copy failed (storage full); the photos are still in the form
    }
    const added = next.slice(photos.length);
    performance.measure('photo-stored', { start: started, detail: { bytes: added.map((p) => p.bytes) } });
  };

  const input = (camera: boolean) => (
    <input
      type="file"
      class="visually-hidden"
      accept={ACCEPT}
      capture={camera ? 'environment' : undefined}
      multiple
      disabled={busy || photos.length >= max}
      onChange={(e) => {
        const element = e.currentTarget;
        void onFiles(element.files).finally(() => (element.value = ''));
      }}
    />
  );

  return (
    <div class="field photos">
      <div class="actions">
        <label class="btn">
          {t('photos.add')}
          {input(true)}
        </label>
        <label class="btn">
          {t('photos.gallery')}
          {input(false)}
        </label>
      </div>
      <p class="muted" aria-live="polite">
        {busy ? t('photos.preparing') : photos.length > 0 ? t('photos.count', { n: photos.length, max }) : ''}
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      {photos.length > 0 && (
        <ul class="thumbs">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <img src={urls[i]} alt={t('photos.thumbAlt', { n: i + 1 })} width={72} height={72} />
              <button type="button" class="btn btn--small" onClick={() => onChange(photos.filter((p) => p.id !== photo.id))}>
                {t('photos.remove', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
