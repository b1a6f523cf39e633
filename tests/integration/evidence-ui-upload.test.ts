import { readFile } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as dutyOptionsRoute } from "@/app/api/workspaces/[workspaceSlug]/evidence/duty-options/route";
import { POST as uploadRoute } from "@/app/api/workspaces/[workspaceSlug]/evidence/files/route";
import { GET as searchRoute } from "@/app/api/workspaces/[workspaceSlug]/evidence/route";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";

import {
  createEvidenceWorld,
  evidenceRowCount,
  type EvidenceWorld,
  objectPath,
  pdfBytes,
  routeParams,
  sha256,
  storedFiles,
} from "../support/evidence-fixtures";

let a: EvidenceWorld;
let b: EvidenceWorld;
const members: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  a = await createEvidenceWorld("ui-up-a");
  b = await createEvidenceWorld("ui-up-b");
  for (const role of ["EDITOR", "AUDITOR", "VIEWER"] as const) {
    const user = await db.user.create({
      data: { email: `${role.toLowerCase()}-${a.workspace.slug}@example.com`, name: role },
    });
    await db.membership.create({ data: { workspaceId: a.workspace.id, userId: user.id, role } });
    members[role] = user.id;
  }
});

afterAll(() => setSessionForTests(undefined));

function upload({
  slug,
  bytes = pdfBytes(20_000),
  fileName = "policy.pdf",
  fields = {},
  origin,
}: {
  slug: string;
  bytes?: Buffer;
  fileName?: string;
  fields?: Record<string, string>;
  origin?: string;
}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([Uint8Array.from(bytes)]), fileName);
  const headers = new Headers({ host: "localhost" });
  if (origin) headers.set("origin", origin);
  const request = new Request(`http://localhost/api/workspaces/${slug}/evidence/files`, {
    method: "POST",
    headers,
    body: form,
  });
  return uploadRoute(request, routeParams({ workspaceSlug: slug }));
}

async function expectNothingStored(before: string[], workspaceId = a.workspace.id, rows = 0) {
  expect(await storedFiles()).toEqual(before);
  expect(await evidenceRowCount(workspaceId)).toBe(rows);
}

describe("session upload route: who may upload", () => {
  it("answers 401 without a session and stores nothing", async () => {
    setSessionForTests(null);
    const before = await storedFiles();
    const response = await upload({ slug: a.workspace.slug });
    expect(response.status).toBe(401);
    await expectNothingStored(before);
  });

  it("answers 404 to a member of another workspace and for an unknown slug, without the name", async () => {
    setSessionForTests(b.user.id);
    const before = await storedFiles();
    for (const slug of [a.workspace.slug, "no-such-workspace"]) {
      const response = await upload({ slug });
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ error: { code: "NOT_FOUND" } });
      expect(body).not.toContain(a.workspace.slug);
    }
    await expectNothingStored(before);
  });

  it.each(["VIEWER", "AUDITOR"] as const)(
    "refuses a %s with 403 and stores nothing",
    async (role) => {
      setSessionForTests(members[role]!);
      const before = await storedFiles();
      const response = await upload({ slug: a.workspace.slug });
      expect(response.status).toBe(403);
      await expectNothingStored(before);
    },
  );

  it("refuses a cross-site origin", async () => {
    setSessionForTests(a.user.id);
    const before = await storedFiles();
    const response = await upload({ slug: a.workspace.slug, origin: "https://evil.example" });
    expect(response.status).toBe(403);
    await expectNothingStored(before);
  });
});

describe("session upload route: uploads", () => {
  it("stores an EDITOR's file with its real SHA-256 and links it to the part", async () => {
    setSessionForTests(members.EDITOR!);
    const bytes = pdfBytes(300_000);
    const response = await upload({
      slug: a.workspace.slug,
      bytes,
      origin: "http://localhost",
      fields: { title: "Access policy", dutyIds: a.customerDuty.id, validUntil: "2999-12-31" },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      id: string;
      file: { sha256: string; sizeBytes: number };
    };
    expect(body.file).toMatchObject({ sha256: sha256(bytes), sizeBytes: bytes.length });
    const row = await db.evidence.findFirstOrThrow({
      where: { id: body.id, workspaceId: a.workspace.id },
    });
    expect(row.uploaderId).toBe(members.EDITOR);
    expect(sha256(await readFile(objectPath(row.storageKey!)))).toBe(sha256(bytes));
    expect(
      await db.evidenceLink.count({ where: { evidenceId: body.id, dutyId: a.customerDuty.id } }),
    ).toBe(1);
  });

  it("uploads a vendor attestation and a new revision that takes over the links", async () => {
    setSessionForTests(a.user.id);
    const first = await upload({
      slug: a.workspace.slug,
      fields: {
        kind: "ATTESTATION",
        attestationType: "SOC2_REPORT",
        vendorId: a.vendor.id,
        dutyIds: a.providerDuty.id,
      },
    });
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const second = await upload({
      slug: a.workspace.slug,
      fileName: "soc2-2025.pdf",
      fields: { kind: "ATTESTATION", attestationType: "SOC2_REPORT", supersedesId: id },
    });
    expect(second.status).toBe(201);
    const next = (await second.json()) as {
      id: string;
      vendor: { id: string };
      attestationType: string;
    };
    expect(next).toMatchObject({ vendor: { id: a.vendor.id }, attestationType: "SOC2_REPORT" });
    expect(
      await db.evidenceLink.findMany({
        where: { dutyId: a.providerDuty.id },
        select: { evidenceId: true },
      }),
    ).toEqual([{ evidenceId: next.id }]);
  });

  it("refuses another workspace's part or revision with 404 and leaves nothing behind", async () => {
    setSessionForTests(a.user.id);
    const rows = await evidenceRowCount(a.workspace.id);
    const before = await storedFiles();
    const foreign = await db.evidence.create({
      data: { workspaceId: b.workspace.id, kind: "LINK", title: "B's", url: "https://b.example" },
    });
    const cases: Record<string, string>[] = [
      { dutyIds: b.customerDuty.id },
      { supersedesId: foreign.id },
    ];
    for (const fields of cases) {
      const response = await upload({ slug: a.workspace.slug, fields });
      expect(response.status).toBe(404);
    }
    await expectNothingStored(before, a.workspace.id, rows);
  });

  it("refuses a type-spoofed file with a message naming the problem", async () => {
    setSessionForTests(a.user.id);
    const before = await storedFiles();
    const rows = await evidenceRowCount(a.workspace.id);
    const response = await upload({
      slug: a.workspace.slug,
      bytes: Buffer.from("<html><script>alert(1)</script></html>"),
      fileName: "report.pdf",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /not|accepted|content/i,
    );
    await expectNothingStored(before, a.workspace.id, rows);
  });
});

describe("picker routes", () => {
  const get = (route: typeof searchRoute, slug: string, path: string) =>
    route(
      new Request(`http://localhost/api/workspaces/${slug}/evidence${path}`),
      routeParams({ workspaceSlug: slug }),
    );

  it("answer 404 to non-members", async () => {
    setSessionForTests(b.user.id);
    expect((await get(searchRoute, a.workspace.slug, "")).status).toBe(404);
    expect((await get(dutyOptionsRoute, a.workspace.slug, "/duty-options")).status).toBe(404);
  });

  it("list the workspace's own systems, parts and evidence only", async () => {
    setSessionForTests(members.VIEWER!);
    const systems = (await (
      await get(dutyOptionsRoute, a.workspace.slug, "/duty-options")
    ).json()) as { systems: { id: string }[] };
    expect(systems.systems.map((s) => s.id)).toEqual([a.system.id]);
    const domains = (await (
      await get(dutyOptionsRoute, a.workspace.slug, `/duty-options?systemId=${a.system.id}`)
    ).json()) as {
      domains: { key: string; parts: { id: string; side: string }[] }[];
    };
    expect(domains.domains.flatMap((d) => d.parts.map((p) => p.id)).sort()).toEqual(
      [a.customerDuty.id, a.providerDuty.id, a.promptPart.id].sort(),
    );
    const foreign = (await (
      await get(dutyOptionsRoute, a.workspace.slug, `/duty-options?systemId=${b.system.id}`)
    ).json()) as { domains: unknown[] };
    expect(foreign.domains).toEqual([]);
    const search = (await (await get(searchRoute, a.workspace.slug, "?q=Access")).json()) as {
      items: { title: string }[];
    };
    expect(search.items.map((i) => i.title)).toEqual(["Access policy"]);
  });
});
