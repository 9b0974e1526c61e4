// The round on the home screen: start one (with teammates), resume one left open, or follow the
// one being recorded and end it with an optional note. Ending asks first (see EndRoundConfirm).
// The app resumes an open round by itself on start (resumeRound.ts); Resume here is the fallback
// when that could not start the recorder.
import { useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { navigate } from '../../ui/useRoute';
import { showToast } from '../../ui/toast';
import { findOpenRound } from './openRound';
import { roundController } from './roundController';
import { useActiveRound } from './useActiveRound';
import { RoundStats } from './RoundStats';
import { EndRoundButton } from './EndRoundConfirm';

/** Round writes validate with the shared schemas: loaded when first needed, not on first paint. */
const writes = () => import('./roundWrites');

export function RoundPanel() {
  const { db, session, scheduler } = useApp();
  const { t, time } = useI18n();
  const me = session.member;
  const active = useActiveRound();
  const open = useLiveQuery(() => findOpenRound(db, me.id), [db, me.id]);
  const teammates = useLiveQuery(() => db.members.where('teamId').equals(me.teamId ?? '').toArray(), [db, me.teamId], []);
  const [walkingWith, setWalkingWith] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const roundHazards = useLiveQuery(
    () => (active ? db.hazards.where('roundId').equals(active.round.id).toArray() : Promise.resolve([])),
    [db, active?.round.id],
    [],
  );
  if (!me.teamId) return null;

  const afterWrite = () => scheduler.afterSave();
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    run(async () => {
      const round = await (await writes()).startRound(db, session, walkingWith);
      afterWrite();
      await roundController.record(db, round, afterWrite);
    });
  const end = () =>
    run(async () => {
      const round = active?.round ?? open;
      if (!round) return;
      await roundController.stop();
      await (await writes()).endRound(db, round, { note: note.trim() || null, endedAt: new Date(), autoClosed: false });
      setNote('');
      afterWrite();
      showToast(t('round.ended'));
    });

  if (active) {
    return (
      <section class="card round" aria-labelledby="round-heading">
        <h2 id="round-heading" tabIndex={-1}>{t('round.active')}</h2>
        <RoundStats active={active} />
        {roundHazards.length > 0 && (
          <>
            <h3>{t('round.hazards')}</h3>
            <ul class="round-hazards">
              {roundHazards.map((h) => (
                <li key={h.id}>{h.description}</li>
              ))}
            </ul>
          </>
        )}
        <button type="button" class="btn" onClick={() => navigate('scan')}>
          {t('scan.open')}
        </button>
        <label class="field">
          <span>{t('round.note')}</span>
          <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <EndRoundButton busy={busy} primary onEnd={() => void end()} />
      </section>
    );
  }
  if (open) {
    return (
      <section class="card round" aria-labelledby="round-heading">
        <h2 id="round-heading" tabIndex={-1}>{t('round.openSince', { time: time(open.startedAt) })}</h2>
        <button type="button" class="btn btn--primary" disabled={busy} onClick={() => void run(() => roundController.record(db, open, afterWrite))}>
          {t('round.resume')}
        </button>
        <EndRoundButton busy={busy} onEnd={() => void end()} />
      </section>
    );
  }
  const others = teammates.filter((m) => m.id !== me.id && m.active);
  return (
    <section class="card round">
      {others.length > 0 && (
        <details>
          <summary>{t('round.walkingWith')}</summary>
          <fieldset class="field">
            <legend class="visually-hidden">{t('round.walkingWith')}</legend>
            <label class="check"><input type="checkbox" checked disabled /> {t('round.me', { name: me.name })}</label>
            {others.map((m) => (
              <label key={m.id} class="check">
                <input
                  type="checkbox"
                  checked={walkingWith.includes(m.id)}
                  onChange={(e) => setWalkingWith(e.currentTarget.checked ? [...walkingWith, m.id] : walkingWith.filter((id) => id !== m.id))}
                />{' '}
                {m.name}
              </label>
            ))}
          </fieldset>
        </details>
      )}
      <button type="button" class="btn btn--primary" disabled={busy} onClick={() => void start()}>
        {t('round.start')}
      </button>
    </section>
  );
}
