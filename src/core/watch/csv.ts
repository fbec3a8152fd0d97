/** One CSV record and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Reads CSV (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks); blank lines are skipped. */
export function parseCsv(text: string): { records: CsvRecord[]; error: { line: number; message: string } | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let sawQuote = false;
  const endCell = () => {
    cells.push(sawQuote ? cell : cell.trim());
    cell = '';
    sawQuote = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    cells = [];
  };
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      sawQuote = true;
      cell = '';
    } else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { records, error: { line: start, message: 'a quoted cell is never closed' } };
  endRecord();
  return { records, error: null };
}

/** One CSV cell: quoted when it holds a comma, a quote or a line break, or would be read back trimmed. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
