// "End round" asks once before it ends anything. A confirmation rather than a 10 s Undo: ending
// flushes the track and queues round.end at once, and a sync 1.5 s later may send it, so an
// honest Undo would have to hold the end back across reloads; and a timed Undo is easy to miss
// with gloves on or a screen reader (WCAG 2.2.1). One extra tap costs less than a lost round.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';

/** A stable ref callback, so it runs once when the element mounts, not on every render. */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

export function EndRoundButton({ busy, primary = false, onEnd }: { busy: boolean; primary?: boolean; onEnd: () => void }) {
  const { t } = useI18n();
  // Focus follows the step: to the question when it opens, back to End round when kept.
  const [step, setStep] = useState<'idle' | 'asking' | 'kept'>('idle');
  if (step !== 'asking') {
    return (
      <button ref={step === 'kept' ? focusOnMount : undefined} type="button" class={primary ? 'btn btn--primary' : 'btn'} disabled={busy} onClick={() => setStep('asking')}>
        {t('round.end')}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby="end-round-question">
      <p id="end-round-question" ref={focusOnMount} tabIndex={-1}>
        {t('round.endConfirm')}
      </p>
      <button type="button" class="btn btn--primary" disabled={busy} onClick={onEnd}>
        {t('round.endConfirmYes')}
      </button>
      <button type="button" class="btn" onClick={() => setStep('kept')}>
        {t('round.keepRecording')}
      </button>
    </div>
  );
}
