// The weekly hazard report for leads (their team) and the office (everyone), computed on this
// phone from its own data, offline included, by the same shared function the endpoint runs.
import { useMemo, useState } from 'preact/hooks';
import { useApp, localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { useLiveQuery } from '../../ui/useLiveQuery';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { formatIsoWeek, lastCompleteWeek, parseIsoWeek, weekRange } from '../../../shared/report/isoWeek';
import { scopeInput, type ReportScope } from '../../../shared/report/reportInput';
import { weeklyStats } from '../../../shared/report/weeklyStats';
import { reportBody } from '../../../shared/report/reportDocument';
import { loadReportInput } from './loadReportInput';
import { csvBlob, csvFileName, geoJsonBlob, geoJsonFileName, saveFile } from './exportFiles';
import { printReport } from './printReport';
import { useExport } from './useExport';
import { useCommunityZone } from './useCommunityZone';
import { useEndpointConfig } from '../../ui/useEndpointConfig';
import './report.css';
import '../../../shared/i18n/features/report';

export function ReportScreen() {
  const { db } = useApp();
  const { t } = useI18n();
  const zone = useCommunityZone(db, useEndpointConfig());
  if (!zone) {
    return (
      <section class="screen report-screen">
        <ScreenHeader title={t('report.title')} />
        <p class="loading">{t('app.loading')}</p>
      </section>
    );
  }
  // Keyed by zone: a zone pulled after the stored one restarts the week picker in that zone.
  return <WeeklyReport key={zone} zone={zone} />;
}

/** The report in the community's zone (as on the endpoint); the phone's own zone is never used. */
function WeeklyReport({ zone }: { zone: string }) {
  const { db, session } = useApp();
  const { t, locale } = useI18n();
  const [week, setWeek] = useState(() => formatIsoWeek(lastCompleteWeek(Date.now(), zone)));
  const [typed, setTyped] = useState(week);
  const range = useMemo(() => weekRange(parseIsoWeek(week, zone)!, zone), [week, zone]);
  const scope: ReportScope = session.member.role === 'admin' || session.member.teamId === null ? 'all' : { teamId: session.member.teamId };
  const input = useLiveQuery(async () => scopeInput(await loadReportInput(db, range), scope), [db, range, session.member.teamId]);
  const stats = useMemo(() => (input ? weeklyStats(input, week, zone) : null), [input, week, zone]);
  const exporter = useExport();
  const scopeLabel = scope === 'all' ? t('report.scopeAll') : t('report.scopeTeam', { team: input?.teams[0] ? localName(input.teams[0].name, locale) : scope.teamId });
  // Photos are left to the print view, which gets them through the photo service (held or fetched).
  const view = useMemo(
    () => (input && stats ? reportBody({ stats, input, locale, scopeLabel, generatedAt: Date.now(), photoSrc: () => null }).html : ''),
    [input, stats, locale, scopeLabel],
  );

  const onWeek = (value: string) => {
    setTyped(value);
    if (parseIsoWeek(value, zone)) setWeek(value);
  };
  const invalid = parseIsoWeek(typed, zone) === null;

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
        {invalid ? t('report.weekInvalid') : `${week} · ${t('report.weekRange', { from: range.days[0]!, to: range.days[6]! })} · ${scopeLabel} · ${t('report.timeZone', { zone: zone })}`}
      </p>
      {!input || !stats ? (
        <p class="loading">{t('app.loading')}</p>
      ) : (
        <>
          <p class="muted">{t('report.offlineNote')}</p>
          <div class="report-actions">
            <button type="button" class="btn" disabled={exporter.state.running} onClick={() => exporter.run(async (p) => {
              const file = csvFileName(week);
              saveFile(await csvBlob(input, range, locale, zone, p), file);
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
          {/* The printable report's own builder (it escapes all user text): one report, on screen and on paper. */}
          <div class="report-view" dangerouslySetInnerHTML={{ __html: view }} />
        </>
      )}
    </section>
  );
}

