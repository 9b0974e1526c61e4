// The header of every secondary screen: its title and the way back home.
import { useI18n } from '../i18n';
import { navigate } from './useRoute';

export function ScreenHeader({ title, class: extra = '' }: { title: string; class?: string }) {
  const { t } = useI18n();
  return (
    <header class={`topbar ${extra}`.trim()}>
      <h1>{title}</h1>
      <button type="button" class="btn btn--ghost" onClick={() => navigate('home', { replace: true })}>
        {t('settings.back')}
      </button>
    </header>
  );
}
