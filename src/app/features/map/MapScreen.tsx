// The lead's map of a day's rounds and hazards.
import { useI18n } from '../../i18n';
import { ScreenHeader } from '../../ui/ScreenHeader';

export function MapScreen() {
  const { t } = useI18n();
  return (
    <section class="screen">
      <ScreenHeader title={t('map.title')} />
    </section>
  );
}
