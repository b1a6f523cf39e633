import { describe, expect, it } from "vitest";

import { neutraliseCell, parseCsv, toCsv } from "@/lib/csv/csv";
import type { BundleEvidence } from "@/lib/export-bundle/bundle-data";
import { csvCell, csvLines, csvRow } from "@/lib/export-bundle/csv";
import { evidenceCsv } from "@/lib/export-bundle/tables";

describe("CSV formula-injection neutralising", () => {
  it.each(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", '=HYPERLINK("http://x","y")'])(
    "prefixes %j with an apostrophe",
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it.each(["plain", "a=b", " =leading space", "1-2", "", "Ärzte"])("leaves %j alone", (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });

  it("quotes after neutralising, so a dangerous cell stays one cell", () => {
    expect(csvCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
    expect(csvCell("-1,2")).toBe(`"'-1,2"`);
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });

  it("quotes cells holding a semicolon or a tab, so semicolon-locale spreadsheets keep one cell", () => {
    // Unquoted, Excel in a semicolon locale splits this into "a" and a live "=HYPERLINK(…)".
    expect(csvCell('a;=HYPERLINK("http://evil.example","x")')).toBe(
      '"a;=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvCell("a\t=1+1")).toBe('"a\t=1+1"');
    expect(toCsv(["h"], [["x;=1+1"], ["y\t@cmd"]])).toBe('\uFEFFh\r\n"x;=1+1"\r\n"y\t@cmd"\r\n');
    // Read back unchanged.
    expect(parseCsv(toCsv(["h"], [["x;=1+1"]])).rows[0]?.cells).toEqual(["x;=1+1"]);
  });

  it("guards numbers too and writes booleans, empties and dates plainly", () => {
    expect(csvRow([-5, 0.5, true, null, undefined, new Date("2026-01-02T03:04:05.000Z")])).toBe(
      "'-5,0.5,true,,,2026-01-02T03:04:05.000Z\r\n",
    );
  });

  it("writes a header row with a byte-order mark and CRLF rows", () => {
    const lines = [
      ...csvLines([{ header: "name", value: (r: { n: string }) => r.n }], [{ n: "@x" }]),
    ];
    expect(lines).toEqual(["\uFEFFname\r\n", "'@x\r\n"]);
  });

  it("neutralises user-typed evidence fields in the evidence table", () => {
    const item: BundleEvidence = {
      id: "ev1",
      kind: "LINK",
      title: '=WEBSERVICE("http://evil")',
      description: "+danger",
      url: "@url",
      attestationType: null,
      fileName: null,
      contentType: null,
      sizeBytes: null,
      sha256: null,
      collectedAt: "2026-01-01T00:00:00.000Z",
      validUntil: null,
      reviewStatus: "PENDING",
      state: "current",
      vendorName: "-vendor",
      links: ["\tSystem / Data (customer)"],
      bundlePath: null,
    };
    const text = [...evidenceCsv([item])].join("");
    const row = text.split("\r\n")[1] ?? "";
    expect(row).toContain(`"'=WEBSERVICE(""http://evil"")"`);
    expect(row).toContain("'+danger");
    expect(row).toContain("'@url");
    expect(row).toContain("'-vendor");
    expect(row).toContain("'\tSystem / Data (customer)");
    for (const cell of row.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
  });
});
