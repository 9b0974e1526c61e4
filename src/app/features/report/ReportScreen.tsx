// The weekly hazard report for leads (their team) and the office (everyone), computed on this
// phone from its own data, offline included, by the same shared function the endpoint runs.
import { useMemo, useState } from 'preact/hooks';
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { DEFAULT_COMMUNITY_TZ, formatIsoWeek, lastCompleteWeek, parseIsoWeek, weekRange } from '../../../shared/report/isoWeek';
import { scopeInput, type ReportScope } from '../../../shared/report/reportInput';
import { weeklyStats } from '../../../shared/report/weeklyStats';
import { medianChart, perDayChart } from '../../../shared/report/charts';
import type { Severity } from '../../../shared/domain/schemas';
import { loadReportInput } from './loadReportInput';
import { ReportTables } from './ReportTables';
import { csvBlob, csvFileName, geoJsonBlob, geoJsonFileName, saveFile } from './exportFiles';
import { printReport } from './printReport';
import { useExport } from './useExport';
import './report.css';

// The community's zone, as on the endpoint (COMMUNITY_TZ); the phone's own zone is not used.
const ZONE = DEFAULT_COMMUNITY_TZ;

export function ReportScreen() {
  const { db, session } = useApp();
  const { t, locale } = useI18n();
  const [week, setWeek] = useState(() => formatIsoWeek(lastCompleteWeek(Date.now(), ZONE)));
  const [typed, setTyped] = useState(week);
  const range = useMemo(() => weekRange(parseIsoWeek(week, ZONE)!, ZONE), [week]);
  const scope: ReportScope = session.member.role === 'admin' || session.member.teamId === null ? 'all' : { teamId: session.member.teamId };
  const input = useLiveQuery(async () => scopeInput(await loadReportInput(db, range), scope), [db, range, session.member.teamId]);
  const stats = useMemo(() => (input ? weeklyStats(input, week, ZONE) : null), [input, week]);
  const exporter = useExport();

  const onWeek = (value: string) => {
    setTyped(value);
    if (parseIsoWeek(value, ZONE)) setWeek(value);
  };
  const invalid = parseIsoWeek(typed, ZONE) === null;
  const scopeLabel = scope === 'all' ? t('report.scopeAll') : t('report.scopeTeam', { team: input?.teams[0] ? localName(input.teams[0].name, locale) : scope.teamId });

  return (
    <section class="screen report-screen">
      <ScreenHeader title={t('report.title')} />
      <label class="field">
        <span>{t('report.week')}</span>
        <input
          type="week"
          name="week"
          value={typed}
          pattern="[0-9]{4}-W[0-9]{2}"
          placeholder="2026-W47"
          aria-invalid={invalid}
          aria-describedby="week-range"
          onInput={(e) => onWeek(e.currentTarget.value)}
        />
      </label>
      <p id="week-range" class={invalid ? 'error' : 'muted'}>
        {invalid ? t('report.weekInvalid') : `${week} · ${t('report.weekRange', { from: range.days[0]!, to: range.days[6]! })} · ${scopeLabel} · ${t('report.timeZone', { zone: ZONE })}`}
      </p>
      {!input || !stats ? (
        <p class="loading">{t('app.loading')}</p>
      ) : (
        <>
          <dl class="stats report-figures">
            <Figure name="found" label={t('report.sum.found')} value={stats.found.total} />
            <Figure name="open" label={t('report.sum.open')} value={stats.open.count} />
            <Figure name="resolved" label={t('report.sum.resolved')} value={stats.resolvedInWeek} />
            <Figure name="rounds" label={t('report.sum.rounds')} value={stats.effort.reduce((s, e) => s + e.rounds, 0)} />
            <Figure name="km" label={t('report.sum.km')} value={Math.round(stats.effort.reduce((s, e) => s + e.km, 0) * 10) / 10} />
            <Figure name="notVisited" label={t('report.sum.notVisited')} value={stats.coverage.notVisitedCompoundIds.length} />
          </dl>
          <p class="muted">{t('report.offlineNote')}</p>
          <div class="report-actions">
            <button type="button" class="btn" disabled={exporter.state.running} onClick={() => exporter.run(async (p) => {
              const file = csvFileName(week);
              saveFile(await csvBlob(input, range, locale, ZONE, p), file);
              return file;
            })}>{t('report.exportCsv')}</button>
            <button type="button" class="btn" disabled={exporter.state.running} onClick={() => exporter.run(async (p) => {
              const file = geoJsonFileName(week);
              saveFile(await geoJsonBlob(input, range, p), file);
              return file;
            })}>{t('report.exportGeoJson')}</button>
            <button type="button" class="btn" disabled={exporter.state.running} onClick={() => exporter.run(async () => {
              await printReport(db, { stats, input, locale, scopeLabel, generatedAt: Date.now() });
              return null;
            })}>{t('report.exportPdf')}</button>
          </div>
          {exporter.state.percent !== null && (
            <div class="report-progress" role="status">
              <progress max={100} value={exporter.state.percent} aria-label={t('report.exporting', { percent: exporter.state.percent })} />
              <span>{t('report.exporting', { percent: exporter.state.percent })}</span>
              <button type="button" class="btn btn--small" onClick={exporter.cancel}>{t('report.cancel')}</button>
            </div>
          )}
          <h2>{t('report.chart.perDay')}</h2>
          <div
            class="report-chart"
            // Built by the shared report builder, which escapes every label.
            dangerouslySetInnerHTML={{ __html: perDayChart(stats.found.perDay, { title: t('report.chart.perDay'), day: (d) => d.slice(5), severity: (s: Severity) => t(`severity.${s}`) }).html }}
          />
          <h2>{t('report.chart.median')}</h2>
          <div
            class="report-chart"
            dangerouslySetInnerHTML={{
              __html: medianChart(
                stats.responseTimes
                  .filter((r) => r.toResolved.median !== null)
                  .map((r) => {
                    const company = input.companies.find((c) => c.id === r.companyId);
                    return { name: company ? localName(company.name, locale) : r.companyId, median: r.toResolved.median! };
                  }),
                { title: t('report.chart.median'), empty: t('report.chart.empty') },
              ).html,
            }}
          />
          <ReportTables stats={stats} input={input} />
        </>
      )}
    </section>
  );
}

function Figure({ name, label, value }: { name: string; label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-figure={name}>{value}</dd>
    </div>
  );
}
