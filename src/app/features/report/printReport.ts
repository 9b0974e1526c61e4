// Export PDF on a phone: the printable report (the same builder the endpoint uses) is put in
// a print-only host next to the app, and the browser's print dialog turns it into a PDF.
// The report's CSS is adopted as a constructed stylesheet: the app's CSP allows no inline style.
import type { PatrolDb } from '../../db/db';
import { reportBody, severeHazards, type ReportDocumentOptions } from '../../../shared/report/reportDocument';
import { REPORT_CSS } from '../../../shared/report/printCss';

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

/** Object URLs of the photos the report shows (thumbnails first: they print fine). */
async function photoUrls(db: PatrolDb, options: Omit<ReportDocumentOptions, 'photoSrc'>): Promise<{ src: (id: string) => string | null; release: () => void }> {
  const ids = severeHazards(options).flatMap((h) => h.photoIds);
  const rows = await db.photos.bulkGet(ids);
  const urls = new Map<string, string>();
  for (const row of rows) {
    const blob = row?.thumb ?? row?.blob;
    if (row && blob) urls.set(row.id, URL.createObjectURL(blob));
  }
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
