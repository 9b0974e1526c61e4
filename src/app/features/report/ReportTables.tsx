// The report's tables on screen: what was found, the property companies' scoreboard, what is
// still open, the patrols' effort and coverage. Names in the active language.
import { localName } from '../../AppContext';
import { useI18n } from '../../i18n';
import { NO_KEY, type WeeklyStats } from '../../../shared/report/weeklyStats';
import type { ReportInput } from '../../../shared/report/reportInput';
import type { MessageKey } from '../../../shared/i18n';

const dash = (v: number | null) => (v === null ? '–' : String(v));

export function ReportTables({ stats, input }: { stats: WeeklyStats; input: ReportInput }) {
  const { t, locale } = useI18n();
  const namer = (rows: readonly { id: string; name: { zh: string; en: string } }[]) => {
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return (id: string | null) => {
      const name = byId.get(id ?? NO_KEY);
      return name ? localName(name, locale) : id === null || id === NO_KEY ? t('report.none') : id;
    };
  };
  const compound = namer(input.compounds);
  const company = namer(input.companies);
  const team = namer(input.teams);
  const category = namer(input.categories);
  const counts = (caption: MessageKey, rows: { key: string; count: number }[], name: (k: string) => string) => (
    <table class="report-table">
      <thead>
        <tr><th scope="col">{t(caption)}</th><th scope="col" class="num">{t('report.col.count')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => <tr key={r.key}><td>{name(r.key)}</td><td class="num">{r.count}</td></tr>)}
      </tbody>
    </table>
  );

  return (
    <>
      <h2>{t('report.sec.found')}</h2>
      {counts('report.col.category', stats.found.byCategory, category)}
      {counts('report.col.severity', stats.found.bySeverity, (s) => t(`severity.${s}` as MessageKey))}
      {counts('report.col.compound', stats.found.byCompound, compound)}
      {counts('report.col.team', stats.found.byTeam, team)}

      <h2>{t('report.sec.response')}</h2>
      {/* Focusable so the table can be scrolled sideways from a keyboard too. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('report.sec.response')}>
        <table class="report-table" data-table="response">
          <thead>
            <tr>
              <th scope="col">{t('report.col.company')}</th>
              <th scope="col" class="num">{t('report.col.resolved')}</th>
              <th scope="col" class="num">{t('report.col.assignMedian')}</th>
              <th scope="col" class="num">{t('report.col.resolveMedian')}</th>
              <th scope="col" class="num">{t('report.col.resolveP90')}</th>
              <th scope="col" class="num">{t('report.col.over24')}</th>
              <th scope="col" class="num">{t('report.col.over72')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.responseTimes.map((r) => (
              <tr key={r.companyId}>
                <td>{company(r.companyId)}</td>
                <td class="num">{r.resolved}</td>
                <td class="num">{dash(r.toAssigned.median)}</td>
                <td class="num">{dash(r.toResolved.median)}</td>
                <td class="num">{dash(r.toResolved.p90)}</td>
                <td class="num">{r.over24h}</td>
                <td class="num">{r.over72h}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('report.sec.open')}</h2>
      <table class="report-table">
        <thead>
          <tr><th scope="col">{t('report.col.compound')}</th><th scope="col">{t('report.col.category')}</th><th scope="col">{t('report.col.severity')}</th><th scope="col" class="num">{t('report.col.ageDays')}</th></tr>
        </thead>
        <tbody>
          {stats.open.hazards.map((h) => (
            <tr key={h.hazardId}>
              <td>{compound(h.compoundId)}</td>
              <td>{category(h.categoryId)}</td>
              <td>{t(`severity.${h.severity}`)}</td>
              <td class="num">{Math.round((h.ageHours / 24) * 10) / 10}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('report.sec.effort')}</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('report.sec.effort')}>
        <table class="report-table" data-table="effort">
          <thead>
            <tr>
              <th scope="col">{t('report.col.team')}</th>
              <th scope="col" class="num">{t('report.col.rounds')}</th>
              <th scope="col" class="num">{t('report.col.hours')}</th>
              <th scope="col" class="num">{t('report.col.km')}</th>
              <th scope="col" class="num">{t('report.col.gaps')}</th>
              <th scope="col" class="num">{t('report.col.minutesWithoutPosition')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.effort.map((e) => (
              <tr key={e.teamId}>
                <td>{team(e.teamId)}</td>
                <td class="num">{e.rounds}</td>
                <td class="num">{e.hours}</td>
                <td class="num">{e.km}</td>
                <td class="num">{e.gaps}</td>
                <td class="num">{e.minutesWithoutPosition}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('report.sec.coverage')}</h2>
      <table class="report-table">
        <thead>
          <tr><th scope="col">{t('report.col.day')}</th><th scope="col" class="num">{t('report.col.visited')}</th></tr>
        </thead>
        <tbody>
          {stats.coverage.days.map((d) => (
            <tr key={d.date}><td>{d.date}</td><td class="num">{d.visitedCompoundIds.length} / {stats.coverage.compounds}</td></tr>
          ))}
        </tbody>
      </table>
      <p>
        {stats.coverage.notVisitedCompoundIds.length === 0
          ? t('report.allVisited')
          : t('report.notVisitedList', { list: stats.coverage.notVisitedCompoundIds.map(compound).join(locale === 'zh-CN' ? '、' : ', ') })}
      </p>
    </>
  );
}
