// Exports built on the phone from its own data, so they work offline. The CSV is built in
// chunks with a breath between them: the screen stays responsive, shows progress, and an
// AbortSignal stops it between any two chunks (an abort is a normal outcome, not an error).
import { csvFileName, csvHazards, csvHeader, csvLine, csvRowWriter, CSV_BOM } from '../../../shared/report/csv';
import { buildGeoJson, geoJsonFileName } from '../../../shared/report/geojson';
import type { ReportInput } from '../../../shared/report/reportInput';
import type { Locale } from '../../../shared/i18n';

const ROWS_PER_CHUNK = 500;

export interface ExportProgress {
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
}

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function csvBlob(input: ReportInput, range: { from: number; to: number }, locale: Locale, zone: string, { signal, onProgress }: ExportProgress): Promise<Blob> {
  const hazards = csvHazards(input, range);
  const row = csvRowWriter(input, { locale, zone });
  const parts = [CSV_BOM + csvLine(csvHeader(locale))];
  if (hazards.length <= ROWS_PER_CHUNK) return new Blob([parts[0] + hazards.map(row).join('')], { type: 'text/csv;charset=utf-8' });
  for (let i = 0; i < hazards.length; i += ROWS_PER_CHUNK) {
    signal.throwIfAborted();
    parts.push(hazards.slice(i, i + ROWS_PER_CHUNK).map(row).join(''));
    onProgress(Math.min(1, (i + ROWS_PER_CHUNK) / hazards.length));
    await breathe();
  }
  signal.throwIfAborted();
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

export async function geoJsonBlob(input: ReportInput, range: { from: number; to: number }, { signal }: ExportProgress): Promise<Blob> {
  await breathe();
  signal.throwIfAborted();
  return new Blob([JSON.stringify(buildGeoJson(input, range))], { type: 'application/geo+json' });
}

export { csvFileName, geoJsonFileName };
export { saveFile } from '../../ui/saveFile';
