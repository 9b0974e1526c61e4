// Coverage for leads and the office: every compound for today and this ISO week, the ones not
// visited first. Computed on the phone from whatever rounds it holds, so it works offline.
import { useMemo, useState } from 'preact/hooks';
import { startOfDay, startOfISOWeek, addDays, addWeeks } from 'date-fns';
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { computeCoverage, type CoveragePoint } from '../../../shared/tracks/coverage';
import { coverageScans } from '../../../shared/tracks/coverageScans';
import type { TrackPoint } from '../../../shared/domain/rounds';
import { RoundList } from './RoundList';

type Period = 'today' | 'week';

async function loadCoverageData(db: ReturnType<typeof useApp>['db']) {
  const [compounds, rounds, batches, scans, checkpoints, teams, members] = await Promise.all([
    db.compounds.toArray(),
    db.rounds.toArray(),
    db.trackBatches.toArray(),
    db.checkpointScans.toArray(),
    db.checkpoints.toArray(),
    db.teams.toArray(),
    db.members.toArray(),
  ]);
  // Points not yet batched belong to rounds still open on this phone (ending a round flushes it).
  const open = rounds.filter((r) => r.endedAt === null);
  const unsent = (await Promise.all(open.map((r) => db.trackPoints.where('[roundId+batchId]').equals([r.id, '']).toArray()))).flat();
  const teamOf = new Map(rounds.map((r) => [r.id, r.teamId]));
  const points: CoveragePoint[] = [];
  const pointsByRound = new Map<string, TrackPoint[]>();
  const add = (roundId: string, point: TrackPoint) => {
    const teamId = teamOf.get(roundId);
    if (!teamId) return;
    points.push({ ...point, roundId, teamId });
    const list = pointsByRound.get(roundId);
    if (list) list.push(point);
    else pointsByRound.set(roundId, [point]);
  };
  for (const batch of batches) for (const p of batch.points) add(batch.roundId, p);
  for (const p of unsent) add(p.roundId, p);
  return { compounds, rounds, points, pointsByRound, scans: coverageScans(scans, checkpoints), teams, members };
}

export function CoverageScreen() {
  const { db } = useApp();
  const { t, locale, dateTime } = useI18n();
  const [period, setPeriod] = useState<Period>('today');
  const data = useLiveQuery(() => loadCoverageData(db), [db]);
  const result = useMemo(() => {
    if (!data) return null;
    const now = new Date();
    const from = period === 'today' ? startOfDay(now) : startOfISOWeek(now);
    const to = period === 'today' ? addDays(from, 1) : addWeeks(from, 1);
    const range = { from: from.getTime(), to: to.getTime() };
    const rounds = data.rounds
      .filter((r) => { const at = Date.parse(r.startedAt); return at >= range.from && at < range.to; })
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return { coverage: computeCoverage({ ...data, period: range }), rounds };
  }, [data, period]);
  if (!data || !result) return <p class="loading">{t('app.loading')}</p>;
  const rows = result.coverage;
  const names = new Map(data.compounds.map((c) => [c.id, c.name]));
  const teamNames = new Map(data.teams.map((team) => [team.id, team.name]));
  const visited = rows.filter((r) => r.visited).length;

  return (
    <section class="screen">
      <ScreenHeader title={t('coverage.title')} />
      <fieldset class="field segmented">
        <legend class="visually-hidden">{t('coverage.title')}</legend>
        {(['today', 'week'] as const).map((p) => (
          <label key={p} class="segment">
            <input type="radio" name="period" checked={period === p} onChange={() => setPeriod(p)} />
            <span>{t(p === 'today' ? 'coverage.today' : 'coverage.week')}</span>
          </label>
        ))}
      </fieldset>
      <p role="status">{t('coverage.summary', { visited, total: rows.length })}</p>
      <ul class="coverage-list">
        {rows.map((row) => {
          const name = names.get(row.compoundId);
          return (
            <li key={row.compoundId} class={row.visited ? 'coverage coverage--visited' : 'coverage coverage--missed'}>
              <strong>{name ? localName(name, locale) : row.compoundId}</strong>
              <span class="muted">
                {row.visited && row.lastVisitedAt !== null
                  ? [
                      t('coverage.lastVisit', { time: dateTime(row.lastVisitedAt) }),
                      t('coverage.visits', { n: row.visits }),
                      row.teamIds.map((id) => { const n = teamNames.get(id); return n ? localName(n, locale) : id; }).join(', '),
                      row.byScan && !row.byTrack ? t('coverage.byScanOnly') : '',
                    ].filter(Boolean).join(' · ')
                  : t('coverage.notVisited')}
              </span>
            </li>
          );
        })}
      </ul>
      <RoundList
        rounds={result.rounds}
        pointsByRound={data.pointsByRound}
        members={new Map(data.members.map((m) => [m.id, m]))}
        teams={new Map(data.teams.map((team) => [team.id, team]))}
      />
    </section>
  );
}
