// The printable report's style, scoped to .weekly-report so the app can adopt it next to its
// own. A4, sections start on a new page, tables never split a row.
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
.weekly-report { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; font-size: 11pt; line-height: 1.4; }
.weekly-report header { border-bottom: 2px solid #111; margin-bottom: 8mm; }
.weekly-report h1 { font-size: 18pt; margin: 0 0 2mm; }
.weekly-report h2 { font-size: 14pt; margin: 0 0 4mm; }
.weekly-report .meta { color: #444; margin: 0; }
.weekly-report section { margin-bottom: 8mm; }
.weekly-report section.page-break { break-before: page; }
.weekly-report .figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 0 0 6mm; padding: 0; list-style: none; }
.weekly-report .figures li { border: 1px solid #999; padding: 2mm 3mm; }
.weekly-report .figures strong { display: block; font-size: 18pt; }
.weekly-report table { border-collapse: collapse; width: 100%; margin-bottom: 4mm; }
.weekly-report th, .weekly-report td { border: 1px solid #999; padding: 1mm 2mm; text-align: left; vertical-align: top; }
.weekly-report td.num, .weekly-report th.num { text-align: right; }
.weekly-report tr { break-inside: avoid; }
.weekly-report .chart, .weekly-report .map { max-width: 100%; height: auto; break-inside: avoid; }
.weekly-report .photos { display: flex; gap: 3mm; flex-wrap: wrap; }
.weekly-report .photos img { width: 45mm; height: 34mm; object-fit: cover; border: 1px solid #999; }
.weekly-report .hazard-card { break-inside: avoid; margin-bottom: 4mm; }
`;
