import { readFile } from "node:fs/promises";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import { listSystemEvidence } from "@/lib/server/evidence/list-system-evidence";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";
import { seedDemoEvidence } from "@/lib/server/seed/demo-evidence";
import { seedDemoPortfolio } from "@/lib/server/seed/demo-portfolio";
import { DEMO_WORKSPACE_SLUG, seedDemoWorkspace } from "@/lib/server/seed/demo-workspace";

import { objectPath, sha256 } from "../support/evidence-fixtures";

let workspaceId: string;

beforeAll(async () => {
  await seedBuiltInFrameworks();
  await seedDemoWorkspace();
  await seedDemoPortfolio();
  await seedDemoEvidence();
  workspaceId = (await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE_SLUG } })).id;
}, 120_000);

describe("demo evidence", () => {
  it("stores generated files whose recorded SHA-256 is the stored bytes'", async () => {
    const files = await db.evidence.findMany({ where: { workspaceId, storageKey: { not: null } } });
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const bytes = await readFile(objectPath(file.storageKey!));
      expect(sha256(bytes), file.title).toBe(file.sha256);
      expect(bytes.length).toBe(Number(file.sizeBytes));
    }
    const pdf = files.find((f) => f.contentType === "application/pdf");
    expect((await readFile(objectPath(pdf!.storageKey!))).toString("latin1")).toMatch(
      /^%PDF-1\.4[\s\S]*%%EOF\n$/,
    );
  });

  it("has every state, a revision and vendor attestations", async () => {
    const items = await db.evidence.findMany({ where: { workspaceId }, include: { vendor: true } });
    const now = Date.now();
    expect(items.some((i) => i.supersededAt !== null)).toBe(true);
    expect(items.some((i) => i.reviewStatus === "REJECTED")).toBe(true);
    expect(items.some((i) => i.validUntil && i.validUntil.getTime() < now)).toBe(true);
    expect(
      items.some(
        (i) =>
          i.validUntil &&
          i.validUntil.getTime() > now &&
          i.validUntil.getTime() < now + 30 * 86_400_000,
      ),
    ).toBe(true);
    const attestations = items.filter((i) => i.kind === "ATTESTATION");
    expect(attestations.map((i) => i.vendor?.name)).toEqual(
      expect.arrayContaining(["OpenAI", "Microsoft", "Amazon Web Services"]),
    );
    expect(attestations.map((i) => i.attestationType)).toEqual(
      expect.arrayContaining(["SOC2_REPORT", "DPA"]),
    );
  });

  it("makes coverage and gaps visible: covered parts, expired evidence, missing attestations", async () => {
    const gaps = await getGapList({ workspaceId, limit: 1000 });
    const reasons = new Set(gaps.rows.flatMap((g) => g.reasons));
    expect([...reasons]).toEqual(
      expect.arrayContaining(["EVIDENCE_EXPIRED", "NO_ATTESTATION", "NO_CURRENT_EVIDENCE"]),
    );
    const chatbot = await db.aiSystem.findFirstOrThrow({
      where: { workspaceId, name: "Website support chatbot" },
    });
    const evidence = await listSystemEvidence({ workspaceId, systemId: chatbot.id });
    expect(evidence.vendor?.name).toBe("OpenAI");
    expect(evidence.vendorAttestations.map((a) => a.title)).toContain(
      "OpenAI SOC 2 Type II report",
    );
    const providerDuties = await db.duty.findMany({
      where: { workspaceId, systemId: chatbot.id, side: "PROVIDER" },
    });
    expect(providerDuties.length).toBeGreaterThan(0);
    for (const part of providerDuties) expect(evidence.coveredByDuty[part.id]).toBe(true);
    const covered = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "EvidenceLink" l JOIN "Duty" p ON p.id = l."dutyId"
      WHERE l."workspaceId" = ${workspaceId} AND p.side = 'CUSTOMER'`;
    expect(Number(covered[0]?.n)).toBeGreaterThan(5);
  });

  it("is idempotent", async () => {
    const before = await db.evidence.count({ where: { workspaceId } });
    expect(await seedDemoEvidence()).toEqual(["demo evidence: already present"]);
    expect(await db.evidence.count({ where: { workspaceId } })).toBe(before);
  });
});

describe("note Markdown", () => {
  it("never carries raw HTML or non-web links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror="alert(1)"> [a](javascript:alert(1)) [b](data:text/html,x) [c](/w/other) ![i](https://t.example/p.png) [ok](https://ok.example) [m](mailto:a@example.com)',
    );
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data|href="\/w/);
    expect(html).toContain('href="https://ok.example"');
    expect(html).toContain('href="mailto:a@example.com"');
    expect(html).toContain("&lt;script&gt;");
  });
});
