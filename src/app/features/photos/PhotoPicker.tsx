// "Add photo": a file input (camera or gallery) and a strip of thumbnails of what will be saved.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { MAX_PHOTOS_PER_HAZARD } from '../../../shared/domain/schemas';
import { PhotoUndecodableError, stagePhoto, type StagedPhoto } from './stagePhoto';
import '../../../shared/i18n/features/photos';

interface Props {
  photos: readonly StagedPhoto[];
  onChange: (photos: StagedPhoto[]) => void;
  max?: number;
}

export function PhotoPicker({ photos, onChange, max = MAX_PHOTOS_PER_HAZARD }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p.blob)), [photos]);
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);

  const onFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    const next = [...photos];
    for (const file of Array.from(files)) {
      if (next.length >= max) {
        setError(t('photos.tooMany', { max }));
        break;
      }
      try {
        const staged = await stagePhoto(file);
        if (!next.some((p) => p.id === staged.id)) next.push(staged);
      } catch (e) {
        if (!(e instanceof PhotoUndecodableError)) throw e;
        setError(t('photos.undecodable', { name: file.name }));
      }
    }
    setBusy(false);
    onChange(next);
  };

  return (
    <div class="field photos">
      <label class="btn">
        {t('photos.add')}
        <input
          type="file"
          class="visually-hidden"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          multiple
          disabled={busy || photos.length >= max}
          onChange={(e) => {
            const input = e.currentTarget;
            void onFiles(input.files).finally(() => (input.value = ''));
          }}
        />
      </label>
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
