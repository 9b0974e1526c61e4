// "Get this day from the server": for days the phone does not hold (a lead's earlier days, a
// member's rounds started on someone else's phone). Pages land in Dexie as they come, so the
// map fills in while the progress counts up.
import { useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import type { DayWindow } from '../../../shared/map/mapFilter';
import { fetchRoundsRange, type FetchProgress } from '../../sync/fetchRoundsRange';
import '../../../shared/i18n/features/map';

type State = { kind: 'idle' } | { kind: 'running'; progress: FetchProgress | null } | { kind: 'done'; total: number } | { kind: 'failed'; reason: string };

export function DayFetch({ day }: { day: DayWindow }) {
  const { db } = useApp();
  const { t } = useI18n();
  const endpoint = useEndpointConfig();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async () => {
    if (!navigator.onLine) return setState({ kind: 'failed', reason: t('map.offlineFetch') });
    setState({ kind: 'running', progress: null });
    try {
      const result = await fetchRoundsRange(db, endpoint, day, (progress) => setState({ kind: 'running', progress }));
      setState({ kind: 'done', total: result.total });
    } catch (error) {
      setState({ kind: 'failed', reason: t('map.fetchFailed', { reason: error instanceof Error ? error.message : String(error) }) });
    }
  };
  return (
    <div>
      <button type="button" class="btn btn--small" disabled={state.kind === 'running'} onClick={() => void run()}>
        {t('map.fetchDay')}
      </button>
      <p role="status" class="muted">
        {state.kind === 'running' && t('map.fetching', { done: state.progress?.done ?? 0, total: state.progress?.total ?? '…' })}
        {state.kind === 'done' && t('map.fetched', { n: state.total })}
        {state.kind === 'failed' && state.reason}
      </p>
    </div>
  );
}
