// "End round" asks once before it ends anything. A confirmation rather than a 10 s Undo: ending
// flushes the track and queues round.end at once, and a sync 1.5 s later may send it, so an
// honest Undo would have to hold the end back across reloads; and a timed Undo is easy to miss
// with gloves on or a screen reader (WCAG 2.2.1). One extra tap costs less than a lost round.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';

export function EndRoundButton({ busy, primary = false, onEnd }: { busy: boolean; primary?: boolean; onEnd: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    // Focus follows the step: to the question when it opens, back to End round when kept.
    if (asking) question.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={opener} type="button" class={primary ? 'btn btn--primary' : 'btn'} disabled={busy} onClick={() => setAsking(true)}>
        {t('round.end')}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby="end-round-question">
      <p id="end-round-question" ref={question} tabIndex={-1}>
        {t('round.endConfirm')}
      </p>
      <div class="round__actions">
        <button type="button" class="btn" onClick={() => setAsking(false)}>
          {t('round.keepRecording')}
        </button>
        <button type="button" class="btn btn--primary" disabled={busy} onClick={onEnd}>
          {t('round.endConfirmYes')}
        </button>
      </div>
    </div>
  );
}
