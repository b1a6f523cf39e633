import { describe, expect, it } from "vitest";

import {
  EMPTY_GAP_SEARCH,
  gapFiltersOf,
  gapSearchParams,
  parseGapSearch,
} from "@/lib/view/dashboard/gap-search";
import { toHeatmapGrid } from "@/lib/view/dashboard/heatmap-grid";
import { dutyHref, formatRate, systemHref } from "@/lib/view/dashboard/labels";
import { pageNumber, pageOf } from "@/lib/view/dashboard/paging";

// The dashboards' pure view helpers: paging on the server, the gaps page's URL state, links.
describe("pageNumber", () => {
  it("reads a whole page number from a search parameter", () => {
    expect(pageNumber("3")).toBe(3);
    expect(pageNumber(["2", "9"])).toBe(2);
  });

  it("answers page 1 for anything else instead of failing", () => {
    for (const value of [undefined, "", "0", "-2", "1.5", "abc", "10001"])
      expect(pageNumber(value), String(value)).toBe(1);
    expect(pageNumber("12", 10)).toBe(1);
  });
});

describe("pageOf", () => {
  const rows = Array.from({ length: 53 }, (_, i) => i);

  it("slices one page and counts the pages", () => {
    expect(pageOf(rows, 2, 25)).toEqual({
      total: 53,
      page: 2,
      pageCount: 3,
      pageSize: 25,
      rows: rows.slice(25, 50),
    });
    expect(pageOf(rows, 3, 25).rows).toEqual([50, 51, 52]);
  });

  it("shows the last page for a page past the end, and one empty page for no rows", () => {
    expect(pageOf(rows, 9, 25)).toMatchObject({ page: 3, rows: [50, 51, 52] });
    expect(pageOf([], 4, 25)).toEqual({ total: 0, page: 1, pageCount: 1, pageSize: 25, rows: [] });
  });
});

describe("gap search state", () => {
  it("round-trips through the URL without empty values or page 1", () => {
    const state = parseGapSearch(new URLSearchParams("reason=NO_OWNER&critical=true&page=4"));
    expect(state).toEqual({ ...EMPTY_GAP_SEARCH, reason: "NO_OWNER", critical: "true", page: 4 });
    expect(gapSearchParams(state).toString()).toBe("reason=NO_OWNER&critical=true&page=4");
    expect(gapSearchParams({ ...state, page: 1 }).toString()).toBe("reason=NO_OWNER&critical=true");
    expect(gapSearchParams(state, { withPage: false }).toString()).toBe(
      "reason=NO_OWNER&critical=true",
    );
  });

  it("drops invalid values and gives the engine typed filters", () => {
    const state = parseGapSearch({ reason: "DROP TABLE", critical: "false", page: "-1" });
    expect(state).toEqual({ ...EMPTY_GAP_SEARCH, critical: "false" });
    expect(gapFiltersOf(state)).toEqual({ critical: false });
  });
});

describe("dashboard links and numbers", () => {
  it("encodes every part of a duty's link", () => {
    expect(systemHref({ slug: "acme", systemId: "s 1" })).toBe("/w/acme/systems/s%201");
    expect(dutyHref({ slug: "acme", systemId: "s1", domainKey: "data/x" })).toBe(
      "/w/acme/systems/s1#domain-data%2Fx",
    );
  });

  it("rounds rates to whole percent and shows a dash for none", () => {
    expect(formatRate(0.426)).toBe("43 %");
    expect(formatRate(null)).toBe("–");
  });
});

describe("toHeatmapGrid", () => {
  it("lines each row's cells up with the columns, null where a system lacks the domain", () => {
    const grid = toHeatmapGrid({
      domains: [
        { key: "data", name: "Data" },
        { key: "agents", name: "Agents" },
      ],
      rows: [
        {
          systemId: "s1",
          systemName: "Chatbot",
          coveredDuties: 1,
          totalDuties: 3,
          cells: [
            {
              domainKey: "agents",
              value: "S",
              critical: true,
              state: "partly",
              coveredDuties: 1,
              totalDuties: 2,
            },
          ],
        },
      ],
    });
    expect(grid.domains.map((d) => d.key)).toEqual(["data", "agents"]);
    expect(grid.rows[0]).toEqual({
      systemId: "s1",
      systemName: "Chatbot",
      coveredDuties: 1,
      totalDuties: 3,
      cells: [null, ["partly", "S", true, 1, 2]],
    });
  });
});
