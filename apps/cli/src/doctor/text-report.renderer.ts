import { DoctorReport, DoctorSection, FigureRow, SectionStatus } from './doctor-report';
import { figureLabel, formatFigure, isNumericFigure } from './figure-format';

const BADGES: Record<SectionStatus, string> = { ok: 'OK', warn: 'WARN', fail: 'FAIL' };
const COLOURS: Record<SectionStatus, string> = { ok: '32', warn: '33', fail: '31' };
const INDENT = '      ';

// Aligned plain text; ANSI colours only when asked for (a terminal without NO_COLOR).
export function renderTextReport(report: DoctorReport, options: { color: boolean }): string {
  const paint = (code: string, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const badge = (status: SectionStatus): string => paint(COLOURS[status], BADGES[status].padEnd(INDENT.length));
  const titleWidth = Math.max(...report.sections.map((section) => section.title.length));

  const lines = [
    `QBM doctor  ${report.generated_at}  (${report.took_ms} ms)  overall: ${paint(COLOURS[report.status], BADGES[report.status])}`,
    '',
  ];
  for (const section of report.sections) {
    lines.push(`${badge(section.status)}${paint('1', section.title.padEnd(titleWidth))}  ${section.reason}`);
    lines.push(...sectionBody(section).map((line) => `${INDENT}${line}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function sectionBody(section: DoctorSection): string[] {
  const lines = alignedPairs(
    Object.entries(section.figures).map(([key, value]) => [figureLabel(key), formatFigure(key, value)]),
  );
  for (const [name, rows] of Object.entries(section.tables)) {
    lines.push(...table(figureLabel(name), rows));
  }
  lines.push(...section.notes.map((note) => `note: ${note}`));
  return lines;
}

function alignedPairs(pairs: [string, string][]): string[] {
  const width = Math.max(0, ...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
}

// Columns from the first row; numbers right-aligned, the last column never padded (it holds the long text).
function table(title: string, rows: FigureRow[]): string[] {
  const [first] = rows;
  if (first === undefined) return [`${title}: none`];
  const columns = Object.keys(first);
  const cells = rows.map((row) => columns.map((column) => formatFigure(column, row[column] ?? null)));
  const numeric = columns.map((column) =>
    rows.every((row) => row[column] === null || isNumericFigure(row[column] ?? null)),
  );
  const widths = columns.map((column, i) =>
    Math.max(figureLabel(column).length, ...cells.map((cell) => (cell[i] ?? '').length)),
  );
  const line = (values: string[]): string =>
    values
      .map((value, i) => {
        if (i === values.length - 1) return numeric[i] ? value.padStart(widths[i] ?? 0) : value;
        return numeric[i] ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0);
      })
      .join('  ')
      .trimEnd();
  return [`${title}:`, ...[columns.map(figureLabel), ...cells].map((values) => `  ${line(values)}`)];
}
