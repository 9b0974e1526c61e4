// First screen on a new phone: the enrollment code (`?code=` in the URL fills it in), then the
// first sync, so categories and compounds are on the phone before New hazard opens. Offline or
// failing, the member may still go in: the form then offers the standard categories, which the
// endpoint seeds (and knows) in every community.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { PatrolDb } from '../../db/db';
import type { Session } from '../../db/meta';
import { enroll, EnrollError } from '../../sync/enroll';
import { loadCommunityData } from '../../sync/loadCommunityData';

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
  // Enrolled (the token is stored): the first sync runs, or failed and waits for a choice.
  const [loading, setLoading] = useState<{ session: Session; failed: boolean } | null>(null);

  async function loadThenEnter(session: Session) {
    setLoading({ session, failed: false });
    try {
      await loadCommunityData(db, location.origin);
      onEnrolled(session);
    } catch {
      setLoading({ session, failed: true });
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (!code.trim() || busy) return;
    setBusy(true);
    setError(null);
    let session: Session;
    try {
      session = await enroll(db, code);
    } catch (e) {
      setError(e instanceof EnrollError ? e.reason : 'network');
      setBusy(false);
      return;
    }
    await loadThenEnter(session);
  }

  if (loading) {
    return (
      <section class="screen">
        <h1>{t('app.name')}</h1>
        {loading.failed ? (
          <div class="stack">
            <p class="error" role="alert">
              {t('enroll.loadFailed')}
            </p>
            <button type="button" class="btn btn--primary" onClick={() => void loadThenEnter(loading.session)}>
              {t('enroll.retryLoad')}
            </button>
            <button type="button" class="btn btn--block" onClick={() => onEnrolled(loading.session)}>
              {t('enroll.continue')}
            </button>
          </div>
        ) : (
          <p role="status" class="loading">
            {t('enroll.loadingData')}
          </p>
        )}
      </section>
    );
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
