/**
 * CSV reading and writing on top of papaparse (RFC 4180 quoting, embedded newlines, BOM), plus the
 * formula-injection guard every export goes through. Pure: used by services, tests and scripts.
 */
import Papa from "papaparse";

// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and CR, can be
// tricked into it), so exported text from users could run as a formula when opened.
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * Neutralises a cell that a spreadsheet would read as a formula by prefixing a single quote, which
 * spreadsheets show as text. Papaparse's own `escapeFormulae` is not used: its pattern stops at
 * the first line break, so "=cmd\n…" in a multi-line cell slipped through.
 */
export function neutraliseCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0] as string) ? `'${value}` : value;
}

/** Undoes neutraliseCell on import, so an exported file can be imported back unchanged. */
export function restoreCell(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_TRIGGERS.has(value[1] as string)
    ? value.slice(1)
    : value;
}

export type CsvCell = string | number | boolean | null | undefined | Date;

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Whether a cell must be quoted: the RFC 4180 reasons (comma, quote, line break) and also a
 * semicolon or a tab. Spreadsheets in semicolon locales open a comma-separated file by splitting
 * on ";" (and some on tabs): an unquoted "a;=HYPERLINK(…)" would become a second cell starting
 * with "=", out of reach of the formula guard, which only sees whole cells.
 */
export function needsQuotes(text: string): boolean {
  return /[",;\t\r\n]/.test(text);
}

/**
 * Serialises rows under a header. Every cell, numbers included, passes through neutraliseCell: a
 * negative number gets the quote too, a small price for never missing a formula. Starts with a BOM
 * so spreadsheets read the file as UTF-8; CRLF line ends as RFC 4180 says.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((row) => row.map((cell) => neutraliseCell(cellText(cell))));
  return (
    "\uFEFF" +
    Papa.unparse(
      { fields: [...header], data },
      { newline: "\r\n", quotes: (value: unknown) => needsQuotes(String(value ?? "")) },
    ) +
    "\r\n"
  );
}

export type ParsedCsv = {
  header: string[];
  /** Data rows, each with its 1-based line number in the file as a spreadsheet shows it (header = 1). */
  rows: { rowNumber: number; cells: string[] }[];
  /** Problems with the file itself (unbalanced quotes…), with the row where they were found. */
  problems: { row: number; message: string }[];
};

/**
 * Parses CSV text (comma, semicolon or tab separated, detected). Blank rows are skipped but still
 * counted, so row numbers match what a spreadsheet shows.
 */
export function parseCsv(text: string): ParsedCsv {
  const input = text.replace(/^\uFEFF/, "");
  const result = Papa.parse<string[]>(input, {
    skipEmptyLines: false,
    delimiter: guessDelimiter(input),
  });
  const [header = [], ...body] = result.data;
  const problems = result.errors.map((error) => ({
    row: (error.row ?? 0) + 1,
    message: error.message,
  }));
  return {
    header: header.map((cell) => cell.trim()),
    rows: body
      .map((cells, index) => ({ rowNumber: index + 2, cells: cells.map(restoreCell) }))
      .filter((row) => row.cells.some((cell) => cell.trim() !== "")),
    problems,
  };
}

/**
 * The separator of the header line (comma unless it has more semicolons or tabs). Papaparse's own
 * guess needs equally long rows and fails on files with blank lines, which are kept here so row
 * numbers stay right.
 */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => header.split(char).length - 1;
  const candidates = [",", ";", "\t"].map((char) => ({ char, n: count(char) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.char : ",";
}
