import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { gapTableMarkup, type GapView } from "@/components/dashboard/gap-table";
import { heatmapTableMarkup, type HeatmapGrid } from "@/components/dashboard/heatmap-markup";
import { escapeHtml, markup, markupString } from "@/components/markup/html";

const HOSTILE = `"><img src=x onerror=alert(1)>'&`;
const ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#x27;&amp;";

describe("markup``", () => {
  it("escapes every interpolated value, in text and in quoted attributes", () => {
    const out = markupString(markup`<a title="${HOSTILE}">${HOSTILE}</a>`);
    expect(out).toBe(`<a title="${ESCAPED}">${ESCAPED}</a>`);
  });

  it("keeps nested markup and arrays of it, and drops null, undefined and booleans", () => {
    const rows = ["a", "<b>"].map((cell) => markup`<td>${cell}</td>`);
    const out = markupString(markup`<tr>${rows}${null}${undefined}${false}${true}${0}</tr>`);
    expect(out).toBe("<tr><td>a</td><td>&lt;b&gt;</td>0</tr>");
  });

  it("escapes any string losslessly, leaving no character that could end text or a value", () => {
    const unescape = (value: string) =>
      value
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, "&");
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']|&(?!amp;|lt;|gt;|quot;|#x27;)/);
        expect(unescape(escaped)).toBe(text);
        expect(markupString(markup`<p title="${text}">${text}</p>`)).toBe(
          `<p title="${escaped}">${escaped}</p>`,
        );
      }),
    );
  });
});

describe("heat map markup", () => {
  const grid: HeatmapGrid = {
    domains: [
      { key: "data", name: "Data <security>" },
      { key: "agents", name: HOSTILE },
    ],
    rows: [
      {
        systemId: "sys 1",
        systemName: HOSTILE,
        coveredParts: 1,
        totalParts: 3,
        cells: [["gap", "C", true, 0, 2], null],
      },
      {
        systemId: "s2",
        systemName: "Claims triage",
        coveredParts: 0,
        totalParts: 0,
        cells: [null, ["not_applicable", "NA", false, 0, 0]],
      },
    ],
  };
  const out = markupString(heatmapTableMarkup({ slug: "acme", grid, caption: "Map" }));

  it("escapes names in headers, links and accessible names", () => {
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<security>");
    expect(out).toContain(`>${ESCAPED}</a>`);
    expect(out).toContain(`aria-label="${ESCAPED}, Data &lt;security&gt;: Gap, critical, 0 of 2`);
  });

  it("links each duty and each system, lines cells up with the columns and marks gaps", () => {
    expect(out).toContain('href="/w/acme/systems/sys%201#domain-data"');
    expect(out).toContain('href="/w/acme/systems/sys%201"');
    expect(out).toContain('data-row="0" data-col="0" data-state="gap" data-value="C"');
    expect(out).toContain('data-row="1" data-col="0" data-state="not_applicable"');
    expect(out.match(/Not in this system's framework/g)).toHaveLength(2);
    expect(out).toContain("✕ Gap ▲");
    expect(out).toContain('<span class="block font-normal text-muted-foreground">33 %</span>');
    expect(out).toContain("no parts");
  });
});

describe("gap table markup", () => {
  const gap: GapView = {
    partId: "p1",
    systemId: "s1",
    systemName: HOSTILE,
    domainKey: "data",
    domainName: "Data",
    side: "CUSTOMER",
    critical: true,
    riskTier: "HIGH",
    dueDate: "2026-01-31T00:00:00.000Z",
    ownerName: null,
    ownerId: null,
    reasons: ["NO_OWNER", "NOT_IMPLEMENTED"],
  };

  it("shows each gap with reasons, owner, tier, due date and a fix link, escaped", () => {
    const out = markupString(gapTableMarkup({ slug: "acme", gaps: [gap], caption: "Gaps" }));
    expect(out).not.toContain("<img");
    expect(out).toContain(`>${ESCAPED}</a>`);
    expect(out).toContain("lucide-flame");
    expect(out).toContain('title="Assign an owner">No owner</span>');
    expect(out).toContain(">Not implemented</span>");
    expect(out).toContain('<span class="text-muted-foreground">nobody</span>');
    expect(out).toContain(">High</td>");
    expect(out).toContain(">2026-01-31</td>");
    expect(out).toContain('href="/w/acme/systems/s1#domain-data">Assign an owner<span');
    expect(out).toContain("AI system</th>");
  });

  it("leaves the system column out on a system's own page", () => {
    const out = markupString(
      gapTableMarkup({ slug: "acme", gaps: [gap], caption: "Gaps", showSystem: false }),
    );
    expect(out).not.toContain("AI system</th>");
    expect(out).not.toContain('href="/w/acme/systems/s1"');
  });
});
