// Pages and downloads of the standards features, two workspaces: the Standards page (coverage by
// external reference) and its CSV, related references on the domain, system and framework-domain
// pages, and the gaps filter by reference. The other workspace's slugs and ids answer 404 and
// leak nothing; one's own pages show the engine's figures and the workspace's own crosswalks.
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import DomainPage from "@/app/(app)/w/[workspaceSlug]/domains/[domainKey]/page";
import FrameworkDomainPage from "@/app/(app)/w/[workspaceSlug]/frameworks/[key]/domains/[domain]/page";
import { GET as gapsData } from "@/app/(app)/w/[workspaceSlug]/gaps/data/route";
import { GET as gapsCsv } from "@/app/(app)/w/[workspaceSlug]/gaps/export/route";
import { GET as standardsCsv } from "@/app/(app)/w/[workspaceSlug]/standards/export/route";
import StandardsPage from "@/app/(app)/w/[workspaceSlug]/standards/page";
import SystemPage from "@/app/(app)/w/[workspaceSlug]/systems/[systemId]/page";
import { setSessionForTests } from "@/lib/auth/session";
import { parseCsv } from "@/lib/csv/csv";
import { importCrosswalk } from "@/lib/server/crosswalks/import-crosswalk";
import { loadReferenceCoverage } from "@/lib/server/crosswalks/load-reference-coverage";
import { percentText } from "@/lib/view/crosswalks/references";
import type { GapsPageData } from "@/lib/view/dashboard/types";
import { expectNotFound } from "@/tests/support/identity-fixtures";

import { routeContext, serialise } from "./dashboard-fixtures";
import { adminTarget } from "./frameworks-fixtures";
import { type StandardsSide, standardsSide } from "./standards-fixtures";

let a: StandardsSide;
let b: StandardsSide;
beforeAll(async () => {
  a = await standardsSide("Alpha");
  b = await standardsSide("Bravo");
  // B's own crosswalk names a secret catalogue; nothing of it may reach A.
  await importCrosswalk({
    target: adminTarget(b.workspace.id),
    source: {
      definition: {
        format: "ai-srm-crosswalk/1",
        key: "bravo-only",
        name: "Bravo only crosswalk",
        version: "1",
        publisher: "Bravo",
        license: { name: "Internal" },
        description: "Private.",
        sources: [{ framework: "ai-security-srm", version: "1.1.0" }],
        catalogues: [
          {
            key: "bravo-secret-catalogue",
            name: "Bravo secret catalogue",
            version: "1",
            publisher: "Bravo",
            license: { name: "Internal" },
            source: { url: "https://example.com/bravo" },
            entries: [{ id: "BRAVO-1", title: "Bravo secret entry" }],
          },
        ],
        edges: [
          {
            framework: "ai-security-srm",
            row: "agent_governance",
            catalogue: "bravo-secret-catalogue",
            entry: "BRAVO-1",
            relationship: "intersects-with",
            rationale: "Bravo secret rationale.",
          },
        ],
      },
    },
  });
});
afterEach(() => setSessionForTests(undefined));

const page = (slug: string, search: Record<string, string> = {}) => ({
  params: Promise.resolve({ workspaceSlug: slug }),
  searchParams: Promise.resolve(search),
});
const get = (path: string) => new Request(`http://localhost${path}`);

/** CSV text → header and one object per row. */
function csvObjects(text: string) {
  const parsed = parseCsv(text);
  return {
    header: parsed.header,
    rows: parsed.rows.map((row) =>
      Object.fromEntries(parsed.header.map((name, i) => [name, row.cells[i] ?? ""])),
    ),
  };
}

describe("the Standards page", () => {
  it("answers 404 for another workspace and leaks nothing", async () => {
    setSessionForTests(a.viewer.id);
    await expectNotFound(() => StandardsPage(page(b.workspace.slug)));
    const csv = await standardsCsv(
      get(`/w/${b.workspace.slug}/standards/export`),
      routeContext({ workspaceSlug: b.workspace.slug }),
    );
    expect(csv.status).toBe(404);
    expect(await csv.text()).not.toContain("Bravo");
  });

  it("shows the engine's coverage by reference for each role of the workspace", async () => {
    const expected = await loadReferenceCoverage({ workspaceId: a.workspace.id });
    const owasp = expected.catalogues.find((c) => c.key === "owasp-llm-top10")!;
    const llm06 = owasp.entries.find((e) => e.id === "LLM06:2025")!;
    expect(llm06.summary.totalDuties).toBeGreaterThan(0);
    for (const user of [a.viewer, a.auditor, a.editor, a.owner]) {
      setSessionForTests(user.id);
      const text = serialise(
        await StandardsPage(page(a.workspace.slug, { catalogue: "owasp-llm-top10" })),
      );
      expect(text).toContain("LLM06:2025");
      expect(text).toContain(`"totalDuties":${llm06.summary.totalDuties}`);
      expect(text).not.toContain("Bravo");
    }
    const iso = serialise(
      await StandardsPage(page(a.workspace.slug, { catalogue: "iso-42001-annex-a" })),
    );
    expect(iso).toContain("A.6.2.8");
    // An unknown catalogue falls back to the first one rather than failing.
    const fallback = serialise(
      await StandardsPage(page(a.workspace.slug, { catalogue: "bravo-secret-catalogue" })),
    );
    expect(fallback).toContain("LLM01:2025");
    expect(fallback).not.toContain("Bravo secret");
    expect(percentText(llm06.summary.coverage)).toMatch(/^\d+ %$/);
  });

  it("exports every catalogue and entry as CSV, only the workspace's own crosswalks", async () => {
    setSessionForTests(b.viewer.id);
    const own = await standardsCsv(
      get(`/w/${b.workspace.slug}/standards/export`),
      routeContext({ workspaceSlug: b.workspace.slug }),
    );
    expect(own.status).toBe(200);
    const rows = csvObjects(await own.text());
    expect(rows.header).toEqual(
      expect.arrayContaining(["level", "catalogue", "entry", "duties", "coverage"]),
    );
    expect(rows.rows.some((r) => r.entry === "BRAVO-1")).toBe(true);
    setSessionForTests(a.viewer.id);
    const theirs = await standardsCsv(
      get(`/w/${a.workspace.slug}/standards/export`),
      routeContext({ workspaceSlug: a.workspace.slug }),
    );
    const text = await theirs.text();
    expect(text).toContain("LLM06:2025");
    expect(text).not.toContain("BRAVO");
  });
});

describe("related references on domains and duties", () => {
  it("lists a domain's references on the coverage domain page, own crosswalks only", async () => {
    setSessionForTests(b.viewer.id);
    const mine = serialise(
      await DomainPage({
        params: Promise.resolve({ workspaceSlug: b.workspace.slug, domainKey: "agent_governance" }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(mine).toContain("BRAVO-1");
    expect(mine).toContain("LLM06:2025");
    setSessionForTests(a.viewer.id);
    const theirs = serialise(
      await DomainPage({
        params: Promise.resolve({ workspaceSlug: a.workspace.slug, domainKey: "agent_governance" }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(theirs).toContain("LLM06:2025");
    expect(theirs).not.toContain("BRAVO");
    await expectNotFound(() =>
      DomainPage({
        params: Promise.resolve({ workspaceSlug: b.workspace.slug, domainKey: "agent_governance" }),
        searchParams: Promise.resolve({}),
      }),
    );
  });

  it("sums up each duty's references on the system page; another workspace's system is 404", async () => {
    setSessionForTests(a.viewer.id);
    const text = serialise(
      await SystemPage({
        params: Promise.resolve({ workspaceSlug: a.workspace.slug, systemId: a.systems.agent.id }),
      }),
    );
    expect(text).toContain("referenceSlots");
    // Counted per catalogue, with a link to the domain page that lists the entries in full.
    expect(text).toContain(`/w/${a.workspace.slug}/domains/agent_governance#related-references`);
    expect(text).toContain("AML.M0029");
    expect(text).toContain("LLM06:2025");
    await expectNotFound(() =>
      SystemPage({
        params: Promise.resolve({ workspaceSlug: a.workspace.slug, systemId: b.systems.agent.id }),
      }),
    );
  });

  it("lists a framework domain's references", async () => {
    setSessionForTests(a.viewer.id);
    const text = serialise(
      await FrameworkDomainPage({
        params: Promise.resolve({
          workspaceSlug: a.workspace.slug,
          key: "genai-four-layer",
          domain: "user_training_awareness",
        }),
        searchParams: Promise.resolve({}),
      }),
    );
    expect(text).toContain("Article 4");
    expect(text).toContain("subset-of");
  });
});

describe("gaps filtered by reference", () => {
  it("keeps the duties of the related domains, in the page data and the CSV", async () => {
    setSessionForTests(a.viewer.id);
    const query = `?reference=${encodeURIComponent("owasp-llm-top10:LLM06:2025")}`;
    const response = await gapsData(
      get(`/w/${a.workspace.slug}/gaps/data${query}`),
      routeContext({ workspaceSlug: a.workspace.slug }),
    );
    const body = (await response.json()) as GapsPageData;
    expect(body.total).toBeGreaterThan(0);
    const related = new Set([
      "agent_governance",
      "user_access_control",
      "multi_system_integration_security",
      "agent_tool_call_authorization",
    ]);
    for (const row of body.rows) expect(related.has(row.domainKey), row.domainKey).toBe(true);
    const csv = await gapsCsv(
      get(`/w/${a.workspace.slug}/gaps/export${query}`),
      routeContext({ workspaceSlug: a.workspace.slug }),
    );
    const parsed = csvObjects(await csv.text());
    expect(parsed.rows).toHaveLength(body.total);
    for (const row of parsed.rows) expect(row.references).toContain("owasp-llm-top10:LLM06:2025");
    // The other workspace's reference filter answers 404 like its other routes.
    const other = await gapsData(
      get(`/w/${b.workspace.slug}/gaps/data${query}`),
      routeContext({ workspaceSlug: b.workspace.slug }),
    );
    expect(other.status).toBe(404);
  });
});
