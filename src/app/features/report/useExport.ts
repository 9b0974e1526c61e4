// One export at a time, with progress shown once it has run for a moment and a Cancel that
// aborts it. Errors are said in the person's language; a cancel is just "cancelled".
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { showToast } from '../../ui/toast';
import '../../../shared/i18n/features/report';

/** Exports quicker than this finish before any progress would flash on screen. */
const SHOW_PROGRESS_AFTER_MS = 400;

export interface ExportState {
  running: boolean;
  /** null until the export has run long enough to show progress. */
  percent: number | null;
}

export function useExport() {
  const { t } = useI18n();
  const [state, setState] = useState<ExportState>({ running: false, percent: null });
  const controller = useRef<AbortController | null>(null);

  async function run(task: (progress: { signal: AbortSignal; onProgress: (f: number) => void }) => Promise<string | null>) {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    let fraction = 0;
    setState({ running: true, percent: null });
    const timer = setTimeout(() => setState({ running: true, percent: Math.round(fraction * 100) }), SHOW_PROGRESS_AFTER_MS);
    try {
      const file = await task({
        signal: abort.signal,
        onProgress: (f) => {
          fraction = f;
          setState((s) => (s.percent === null ? s : { running: true, percent: Math.round(f * 100) }));
        },
      });
      if (file) showToast(t('report.exported', { file }));
    } catch (error) {
      if (abort.signal.aborted) showToast(t('report.cancelled'));
      else showToast(t('report.exportFailed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      clearTimeout(timer);
      controller.current = null;
      setState({ running: false, percent: null });
    }
  }

  return { state, run, cancel: () => controller.current?.abort() };
}
