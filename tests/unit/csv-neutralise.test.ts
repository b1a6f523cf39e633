import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { neutraliseCell, parseCsv, restoreCell, toCsv } from "@/lib/csv/csv";
import { SYSTEM_CSV_COLUMNS, systemsTemplateCsv } from "@/lib/csv/systems-csv";

describe("formula-injection neutralising", () => {
  it.each([
    "=1+1",
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    "\tTAB",
    "\rCR",
    '=HYPERLINK("http://x")',
    "=cmd|' /C calc'!A0\nsecond line",
  ])("prefixes %j with a single quote", (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(["plain", "", " =leading space", "a=b", "'quoted", "1.5"])("leaves %j alone", (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });

  it("applies to every exported cell, multi-line ones included", () => {
    const csv = toCsv(
      ["name", "note"],
      [
        ["=2+5", "ok"],
        ["safe", "@SUM(1)\n=line2"],
      ],
    );
    const parsed = parseCsv(csv);
    // Parsing restores the values; the raw text carries the quote.
    expect(csv).toContain("'=2+5");
    expect(csv).toContain("'@SUM(1)");
    expect(parsed.rows.map((r) => r.cells)).toEqual([
      ["=2+5", "ok"],
      ["safe", "@SUM(1)\n=line2"],
    ]);
  });

  it("property: export then import round-trips any text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const nonBlank = rows.filter((row) => row.some((cell) => cell.trim() !== ""));
          const parsed = parseCsv(toCsv(["a", "b"], nonBlank));
          expect(parsed.rows.map((r) => r.cells)).toEqual(
            nonBlank.map((row) => row.map((cell) => restoreCell(neutraliseCell(cell)))),
          );
          // No exported cell starts with a formula trigger.
          for (const row of parsed.rows)
            for (const cell of row.cells)
              expect(neutraliseCell(cell).startsWith("'") ? true : !/^[=+\-@\t\r]/.test(cell)).toBe(
                true,
              );
        },
      ),
    );
  });
});

describe("CSV parsing", () => {
  it("numbers rows as a spreadsheet does, counting blank lines, and strips the BOM", () => {
    const parsed = parseCsv("\uFEFFname,primary_model\r\nA,saas_ai\r\n\r\nB,paas_ai\r\n");
    expect(parsed.header).toEqual(["name", "primary_model"]);
    expect(parsed.rows).toEqual([
      { rowNumber: 2, cells: ["A", "saas_ai"] },
      { rowNumber: 4, cells: ["B", "paas_ai"] },
    ]);
  });

  it("reads semicolon-separated files", () => {
    expect(parseCsv("name;primary_model\nA;saas_ai\n").rows[0]?.cells).toEqual(["A", "saas_ai"]);
  });

  it("the template has the import header and example rows", () => {
    const parsed = parseCsv(systemsTemplateCsv());
    expect(parsed.header).toEqual([...SYSTEM_CSV_COLUMNS]);
    expect(parsed.rows.length).toBeGreaterThan(0);
  });
});
