// The weekly hazard report: statistics, charts and exports.
import { useI18n } from '../../i18n';
import { ScreenHeader } from '../../ui/ScreenHeader';

export function ReportScreen() {
  const { t } = useI18n();
  return (
    <section class="screen">
      <ScreenHeader title={t('report.title')} />
    </section>
  );
}
