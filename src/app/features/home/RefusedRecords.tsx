// The refused records, one by one: kind and label, why in the member's words, what to do next,
// and the endpoint's own message as detail. Dismiss asks once more before it removes a row.
// Loaded only when something was refused, so the first screen does not carry it.
import { useState } from 'preact/hooks';
import { useApp } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { inState } from '../../db/outboxQueries';
import type { OutboxRow } from '../../db/db';
import { refusedKind, refusedLabel, refusedNext, refusedWhy, type RefusedLookups } from './refusedWords';
import { dismissRefused } from './dismissRefused';
import '../../../shared/i18n/features/refused';

/** More than this are counted, not listed: the list must not push Sync now off the screen. */
const SHOWN = 20;

interface Refused {
  rows: OutboxRow[];
  total: number;
  known: RefusedLookups;
}

function RefusedItem({ row, known }: { row: OutboxRow; known: RefusedLookups }) {
  const { db } = useApp();
  const i18n = useI18n();
  const [asking, setAsking] = useState(false);
  const labelId = `refused-${row.seq}`;
  return (
    <li class="refused__item">
      <p id={labelId}>
        <strong>{refusedKind(row, i18n)}</strong> {refusedLabel(row, known, i18n)}
      </p>
      <p class="error">{refusedWhy(row, i18n)}</p>
      <p>{refusedNext(row, i18n)}</p>
      {row.rejection?.message && (
        <p class="muted refused__detail" lang="en">
          {i18n.t('refused.detail', { message: row.rejection.message })}
        </p>
      )}
      {asking ? (
        <div class="refused__confirm" role="group" aria-labelledby={labelId}>
          <p>{i18n.t(row.mutation?.type === 'hazard.event' ? 'refused.confirm.event' : 'refused.confirm.other')}</p>
          <button type="button" class="btn btn--small btn--primary" onClick={() => void dismissRefused(db, row.seq!)}>
            {i18n.t('refused.confirmYes')}
          </button>
          <button type="button" class="btn btn--small" onClick={() => setAsking(false)}>
            {i18n.t('refused.keep')}
          </button>
        </div>
      ) : (
        <button type="button" class="btn btn--small" aria-describedby={labelId} onClick={() => setAsking(true)}>
          {i18n.t('refused.dismiss')}
        </button>
      )}
    </li>
  );
}

export function RefusedRecords() {
  const { db } = useApp();
  const { t } = useI18n();
  const refused = useLiveQuery(async (): Promise<Refused> => {
    const rows = await inState(db, 'rejected').limit(SHOWN).toArray();
    const total = await inState(db, 'rejected').count();
    const data = rows.map((r) => (r.mutation as { data?: Record<string, unknown> } | undefined)?.data ?? {});
    const ids = (key: string) => [...new Set(data.flatMap((d) => (typeof d[key] === 'string' ? [d[key]] : [])))];
    const [hazards, rounds, checkpoints, companies] = await Promise.all([
      db.hazards.bulkGet(ids('hazardId')),
      db.rounds.bulkGet(ids('roundId')),
      db.checkpoints.bulkGet(ids('checkpointId')),
      db.propertyCompanies.bulkGet(ids('propertyCompanyId')),
    ]);
    const known: RefusedLookups = {
      hazards: new Map(hazards.flatMap((h) => (h ? [[h.id, h.description]] : []))),
      rounds: new Map(rounds.flatMap((r) => (r ? [[r.id, r.startedAt]] : []))),
      checkpoints: new Map(checkpoints.flatMap((c) => (c ? [[c.id, c]] : []))),
      companies: new Map(companies.flatMap((c) => (c ? [[c.id, c.name]] : []))),
    };
    return { rows, total, known };
  }, [db]);
  if (!refused || refused.total === 0) return null;
  return (
    <section class="refused" aria-labelledby="refused-heading">
      <h2 id="refused-heading">{t('refused.title')}</h2>
      <p class="muted">{t('refused.intro')}</p>
      <ul class="refused__list">
        {refused.rows.map((row) => (
          <RefusedItem key={row.seq} row={row} known={refused.known} />
        ))}
      </ul>
      {refused.total > refused.rows.length && <p class="muted">{t('refused.more', { n: refused.total - refused.rows.length })}</p>}
    </section>
  );
}
