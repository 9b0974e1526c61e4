// First screen on a new phone: the enrollment code. `?code=` in the URL fills it in.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { PatrolDb } from '../../db/db';
import type { Session } from '../../db/meta';
import { enroll, EnrollError } from '../../sync/enroll';

const ERROR_KEYS = {
  invalid: 'enroll.error.invalid',
  rateLimited: 'enroll.error.rateLimited',
  network: 'enroll.error.network',
} as const;

interface Props {
  db: PatrolDb;
  onEnrolled: (s: Session) => void;
  /** A revoked phone enrolling again: its waiting records stay and sync afterwards. */
  again?: boolean;
}

export function EnrollScreen({ db, onEnrolled, again = false }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get('code') ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<keyof typeof ERROR_KEYS | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!code.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      onEnrolled(await enroll(db, code));
    } catch (e) {
      setError(e instanceof EnrollError ? e.reason : 'network');
      setBusy(false);
    }
  }

  return (
    <section class="screen">
      <h1>{t('app.name')}</h1>
      <h2>{t(again ? 'enroll.again' : 'enroll.title')}</h2>
      <p>{t(again ? 'enroll.againIntro' : 'enroll.intro')}</p>
      <form onSubmit={submit} class="stack">
        <label class="field">
          <span>{t('enroll.code')}</span>
          <input
            name="code"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            required
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {t(ERROR_KEYS[error])}
          </p>
        )}
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {busy ? t('enroll.working') : t('enroll.submit')}
        </button>
      </form>
    </section>
  );
}
