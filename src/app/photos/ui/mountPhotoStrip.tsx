// The photo strip for views built as DOM nodes rather than components (the map popup): the same
// <PhotoStrip>, rendered into its own node with the app's services and words, so there is still
// one code path for showing a photo. unmountPhotoStrips() lets go of them when the node closes.
import { render } from 'preact';
import { AppContext, type AppServices } from '../../AppContext';
import { I18nContext, type I18n } from '../../i18n';
import { PhotoStrip } from './PhotoStrip';

const MOUNT = 'data-photo-mount';

export function mountPhotoStrip(services: AppServices, i18n: I18n, ids: readonly string[], hazardId: string): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute(MOUNT, '');
  render(
    <AppContext.Provider value={services}>
      <I18nContext.Provider value={i18n}>
        <PhotoStrip ids={ids} hazardId={hazardId} eventId={null} size={72} />
      </I18nContext.Provider>
    </AppContext.Provider>,
    host,
  );
  return host;
}

/** Unmounts every strip inside `root`: their object URLs are revoked and their retries stop. */
export function unmountPhotoStrips(root: Element | null | undefined): void {
  root?.querySelectorAll(`[${MOUNT}]`).forEach((host) => render(null, host));
}
