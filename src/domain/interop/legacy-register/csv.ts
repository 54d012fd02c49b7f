/**
 * A small RFC 4180 CSV reader for councils' register exports: quoted fields with doubled quotes, commas and
 * line breaks inside quotes, CRLF or LF line ends, a UTF-8 byte order mark (Excel writes one). It is written
 * here rather than taken from a registry package because the format is small and the import needs exact
 * line numbers for its row-by-row report. Blank lines are skipped; a field is never trimmed here.
 */

export interface CsvRecord {
  /** The line of the file on which the record starts (1-based), for messages. */
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

export function parseCsv(text: string, delimiter = ','): CsvResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted (so a closing quote may only be followed by a delimiter or line end)

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !wasQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || wasQuoted) return { ok: false, line, message: 'a quote appears inside an unquoted field' };
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (wasQuoted) return { ok: false, line, message: 'text follows the closing quote of a field' };
      field += ch;
    }
  }
  if (quoted) return { ok: false, line: recordLine, message: 'a quoted field is not closed before the end of the file' };
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return { ok: true, records };
}
