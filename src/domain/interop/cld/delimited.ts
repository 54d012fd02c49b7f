/** Writes rows as a delimited file (RFC 4180 quoting, CRLF line ends, a header row), columns in the given order. */
export function toDelimited<C extends string>(columns: readonly C[], rows: readonly Record<C, string>[], delimiter = ','): string {
  const quote = (value: string) => (/["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns, ...rows.map((row) => columns.map((c) => row[c]))].map((fields) => fields.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}
