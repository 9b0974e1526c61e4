// Export PDF on a phone: the printable report (the same builder the endpoint uses) is put in
// a print-only host next to the app, and the browser's print dialog turns it into a PDF. Photos
// the phone lacks are fetched first, online, through the photo service every screen uses.
// The report's CSS is adopted as a constructed stylesheet: the app's CSP allows no inline style.
import type { PatrolDb } from '../../db/db';
import { reportBody, severeHazards, type ReportDocumentOptions } from '../../../shared/report/reportDocument';
import { REPORT_CSS } from '../../../shared/report/printCss';
import { fullPhoto } from '../../photos/photoSource';

const HOST_ID = 'print-report';
const PRINT_ONLY = `
.print-report { display: none; }
@media print {
  body > :not(.print-report) { display: none !important; }
  .print-report { display: block; }
}`;

let sheet: CSSStyleSheet | null = null;

function adoptStyles(): void {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(REPORT_CSS + PRINT_ONLY);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * Object URLs of the photos the report shows: the phone's small copy where held (it prints fine),
 * else the full one, fetched through the same photo service the screens use when missing.
 */
async function photoUrls(db: PatrolDb, options: Omit<ReportDocumentOptions, 'photoSrc'>): Promise<{ src: (id: string) => string | null; release: () => void }> {
  const wanted = severeHazards(options).flatMap((h) => h.photoIds.map((id) => ({ id, hazardId: h.id })));
  const rows = await db.photos.bulkGet(wanted.map((w) => w.id));
  const urls = new Map<string, string>();
  await Promise.all(
    wanted.map(async ({ id, hazardId }, i) => {
      const row = rows[i];
      const held = row?.thumb ?? row?.blob;
      const got = held ? { ok: true as const, blob: held } : await fullPhoto(db, id, { hazardId, eventId: null });
      if (got.ok && !urls.has(id)) urls.set(id, URL.createObjectURL(got.blob));
    }),
  );
  return { src: (id) => urls.get(id) ?? null, release: () => urls.forEach((url) => URL.revokeObjectURL(url)) };
}

/** Puts the report in the print host (replacing an earlier one) and opens the print dialog. */
export async function printReport(db: PatrolDb, options: Omit<ReportDocumentOptions, 'photoSrc'>): Promise<void> {
  adoptStyles();
  const photos = await photoUrls(db, options);
  document.getElementById(HOST_ID)?.remove();
  const host = document.createElement('div');
  host.id = HOST_ID;
  host.className = 'print-report';
  // The builder escapes every piece of user text; this is markup we made.
  host.innerHTML = reportBody({ ...options, photoSrc: photos.src }).html;
  document.body.append(host);
  await Promise.all([...host.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
  window.addEventListener('afterprint', photos.release, { once: true });
  window.print();
}
