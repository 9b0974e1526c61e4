// Escaping for the printable report: every piece of user text (descriptions, names) passes
// through here before it becomes markup, so a description can never become a tag or attribute.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** A tagged template that escapes every interpolation unless it is already built markup. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

type Piece = string | number | Markup | null | undefined | false | readonly Piece[];

function render(piece: Piece): string {
  if (piece === null || piece === undefined || piece === false) return '';
  if (piece instanceof Markup) return piece.html;
  if (Array.isArray(piece)) return (piece as readonly Piece[]).map(render).join('');
  return escapeHtml(piece as string | number);
}

export function html(strings: TemplateStringsArray, ...values: Piece[]): Markup {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Markup(out);
}

/** Markup we wrote ourselves (constant attribute lists); never for user text. */
export function trusted(markup: string): Markup {
  return new Markup(markup);
}
