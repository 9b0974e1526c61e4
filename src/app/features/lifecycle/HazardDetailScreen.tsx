// One hazard: its details, photos, history and the lifecycle actions the viewer may take.
import { useI18n } from '../../i18n';
import { ScreenHeader } from '../../ui/ScreenHeader';

export function HazardDetailScreen() {
  const { t } = useI18n();
  return (
    <section class="screen">
      <ScreenHeader title={t('hazard.title')} />
    </section>
  );
}
