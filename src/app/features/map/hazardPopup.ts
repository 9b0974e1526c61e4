// The hazard popup, built as DOM nodes with textContent only. Leaflet takes popup content as an
// HTML string or a node; a string would parse a description such as `<img src=x onerror=…>`,
// so every piece of user text goes in as a text node and nothing here ever sets innerHTML.
export interface HazardPopupText {
  title: string;
  description: string;
  /** Label and value pairs: category, severity, status, compound, reported, photos. */
  facts: Array<[string, string]>;
  history: string[];
  /** The hazard's photos, already mounted (photos/ui/mountPhotoStrip): the one photo view. */
  photos?: HTMLElement;
  openLabel: string;
  onOpen: () => void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function hazardPopup(content: HazardPopupText): HTMLElement {
  const root = el('div', undefined, 'hazard-popup');
  root.append(el('strong', content.title));
  root.append(el('p', content.description, 'hazard-popup__description'));
  const facts = el('dl');
  for (const [label, value] of content.facts) {
    const row = el('div');
    row.append(el('dt', label), el('dd', value));
    facts.append(row);
  }
  root.append(facts);
  if (content.photos) root.append(content.photos);
  if (content.history.length) {
    const list = el('ol', undefined, 'hazard-popup__history');
    for (const line of content.history) list.append(el('li', line));
    root.append(list);
  }
  const open = el('button', content.openLabel, 'btn btn--small');
  open.type = 'button';
  open.addEventListener('click', content.onOpen);
  root.append(open);
  return root;
}
