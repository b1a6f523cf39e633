// CSV for spreadsheets (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel reads accents),
// written row by row so a large table streams into the bundle. The formula-injection guard is the
// app's one definition (lib/csv/csv.ts): a cell starting with =, +, -, @, tab or carriage return
// gets a leading apostrophe, which spreadsheets show as text instead of running it.
import { needsQuotes, neutraliseCell } from "@/lib/csv/csv";

export type CsvValue = string | number | boolean | Date | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return "";
  // Every cell goes through the guard, numbers too (as lib/csv does): never miss a formula.
  const text = neutraliseCell(value instanceof Date ? value.toISOString() : String(value));
  // Quoted also for ";" and tab, which split cells in other spreadsheet locales (lib/csv/csv.ts).
  return needsQuotes(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

export const CSV_BOM = "\uFEFF";

/** A whole table as lines, header first, for streaming into the bundle one row at a time. */
export function* csvLines<T>(
  columns: readonly { header: string; value: (row: T) => CsvValue }[],
  rows: Iterable<T>,
) {
  yield CSV_BOM + csvRow(columns.map((column) => column.header));
  for (const row of rows) yield csvRow(columns.map((column) => column.value(row)));
}
