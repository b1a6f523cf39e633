// /api/v1/duties is the primary path of duties (docs/glossary.md); the old /responsibilities and
// …/parts/{dutyId} paths still answer, flagged with Deprecation and a Link to the successor.
// Two workspaces: the other workspace's duties answer 404 on every path and change nothing.
import { beforeAll, describe, expect, it } from "vitest";

import * as duty from "@/app/api/v1/duties/[dutyId]/route";
import * as dutyExport from "@/app/api/v1/duties/export/route";
import * as duties from "@/app/api/v1/duties/route";
import * as evidenceDuty from "@/app/api/v1/evidence/[evidenceId]/duties/[dutyId]/route";
import * as deprecatedEvidenceDuty from "@/app/api/v1/evidence/[evidenceId]/parts/[dutyId]/route";
import * as bulkDue from "@/app/api/v1/responsibilities/bulk-due-date/route";
import * as bulkOwner from "@/app/api/v1/responsibilities/bulk-owner/route";
import * as oldDuty from "@/app/api/v1/responsibilities/parts/[dutyId]/route";
import * as oldList from "@/app/api/v1/responsibilities/route";
import { db } from "@/lib/db/client";
import { DUTY_RENAME_DATE } from "@/lib/server/api/spec";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { createEvidenceBodySchema } from "@/lib/validation/evidence";

import { type ApiSide, buildApiSide, callApi } from "./api-fixtures";
import { ensureFrameworks, registrySnapshot } from "./systems-fixtures";

let a: ApiSide;
let b: ApiSide;
beforeAll(async () => {
  await ensureFrameworks();
  a = await buildApiSide("Alpha");
  b = await buildApiSide("Bravo");
});

const DEPRECATION = `@${Date.parse(`${DUTY_RENAME_DATE}T00:00:00Z`) / 1000}`;

async function currentVersion(dutyId: string) {
  return (await db.duty.findUniqueOrThrow({ where: { id: dutyId } })).version;
}

async function noteEvidence(side: ApiSide) {
  return createEvidence({
    workspaceId: side.workspace.id,
    actor: side.actor,
    input: createEvidenceBodySchema.parse({
      kind: "NOTE",
      title: `${side.workspace.name} note`,
      note: "Reviewed the controls.",
    }),
  });
}

describe("GET /api/v1/duties and /api/v1/duties/{dutyId}", () => {
  it("lists the token's workspace's duties under `duties`", async () => {
    const response = await callApi(duties.GET, { token: a.tokens.VIEWER, path: "/api/v1/duties" });
    expect(response.status).toBe(200);
    expect(response.headers.get("deprecation")).toBeNull();
    const body = (await response.json()) as { total: number; duties: { id: string }[] };
    expect(body.total).toBeGreaterThan(0);
    expect(body.duties.map((row) => row.id)).toContain(a.duty.id);
    expect(JSON.stringify(body)).not.toContain("Bravo");
  });

  it("filters by another workspace's system find nothing", async () => {
    const response = await callApi(duties.GET, {
      token: a.tokens.VIEWER,
      path: `/api/v1/duties?system=${b.system.id}`,
    });
    expect(((await response.json()) as { total: number }).total).toBe(0);
  });

  it("gets one duty; another workspace's id is 404 and leaks nothing", async () => {
    const own = await callApi(duty.GET, { token: a.tokens.VIEWER, params: { dutyId: a.duty.id } });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      id: a.duty.id,
      side: "CUSTOMER",
      system: { id: a.system.id, name: "Alpha System Secret" },
    });
    const foreign = await callApi(duty.GET, {
      token: a.tokens.ADMIN,
      params: { dutyId: b.duty.id },
    });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("Bravo");
  });

  it("downloads the list as CSV (text/csv), the token's workspace only", async () => {
    const response = await callApi(dutyExport.GET, {
      token: a.tokens.VIEWER,
      path: "/api/v1/duties/export?side=CUSTOMER",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const csv = await response.text();
    expect(csv).toContain("Alpha System Secret");
    expect(csv).not.toContain("Bravo");
  });
});

describe("PATCH /api/v1/duties/{dutyId}", () => {
  it("updates a duty, audited as the token; a stale version is 409", async () => {
    const version = await currentVersion(a.duty.id);
    const response = await callApi(duty.PATCH, {
      token: a.tokens.EDITOR,
      method: "PATCH",
      params: { dutyId: a.duty.id },
      body: { expectedVersion: version, status: "IN_PROGRESS" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: a.duty.id, changed: true });
    const row = await db.duty.findUniqueOrThrow({ where: { id: a.duty.id } });
    expect(row.status).toBe("IN_PROGRESS");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: a.workspace.id, entityId: a.duty.id },
      orderBy: { seq: "desc" },
    });
    expect(event).toMatchObject({ actorType: "TOKEN", actorId: a.tokenIds.EDITOR });
    const stale = await callApi(duty.PATCH, {
      token: a.tokens.EDITOR,
      method: "PATCH",
      params: { dutyId: a.duty.id },
      body: { expectedVersion: version, status: "NOT_STARTED" },
    });
    expect(stale.status).toBe(409);
  });

  it.each(["VIEWER", "AUDITOR"] as const)("a %s token is refused (403)", async (role) => {
    const before = await registrySnapshot(a.workspace.id);
    const response = await callApi(duty.PATCH, {
      token: a.tokens[role],
      method: "PATCH",
      params: { dutyId: a.duty.id },
      body: { expectedVersion: await currentVersion(a.duty.id), status: "IMPLEMENTED" },
    });
    expect(response.status).toBe(403);
    expect(await registrySnapshot(a.workspace.id)).toEqual(before);
  });

  it("another workspace's duty is 404 and unchanged", async () => {
    const before = await registrySnapshot(b.workspace.id);
    const response = await callApi(duty.PATCH, {
      token: a.tokens.ADMIN,
      method: "PATCH",
      params: { dutyId: b.duty.id },
      body: { expectedVersion: b.duty.version, status: "IMPLEMENTED" },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Bravo");
    expect(await registrySnapshot(b.workspace.id)).toEqual(before);
  });
});

describe("the old paths (deprecated aliases)", () => {
  it("PATCH /responsibilities/parts/{dutyId} still works, with Deprecation and a successor Link", async () => {
    const response = await callApi(oldDuty.PATCH, {
      token: a.tokens.EDITOR,
      method: "PATCH",
      path: `/api/v1/responsibilities/parts/${a.duty.id}`,
      params: { dutyId: a.duty.id },
      body: { expectedVersion: await currentVersion(a.duty.id), dueDate: "2031-03-31" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("deprecation")).toBe(DEPRECATION);
    expect(response.headers.get("link")).toBe(
      `<http://localhost/api/v1/duties/${a.duty.id}>; rel="successor-version"`,
    );
    const row = await db.duty.findUniqueOrThrow({ where: { id: a.duty.id } });
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe("2031-03-31");
  });

  it("errors on an old path carry the headers too, and isolation holds", async () => {
    const response = await callApi(oldDuty.PATCH, {
      token: a.tokens.ADMIN,
      method: "PATCH",
      path: `/api/v1/responsibilities/parts/${b.duty.id}`,
      params: { dutyId: b.duty.id },
      body: { expectedVersion: 1, status: "IMPLEMENTED" },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("deprecation")).toBe(DEPRECATION);
  });

  it("GET /responsibilities answers the same rows under `parts`, linking /duties with the query", async () => {
    const response = await callApi(oldList.GET, {
      token: a.tokens.VIEWER,
      path: "/api/v1/responsibilities?side=CUSTOMER&pageSize=25",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("deprecation")).toBe(DEPRECATION);
    expect(response.headers.get("link")).toBe(
      '<http://localhost/api/v1/duties?side=CUSTOMER&pageSize=25>; rel="successor-version"',
    );
    const old = (await response.json()) as { parts: { id: string }[] };
    const current = (await (
      await callApi(duties.GET, {
        token: a.tokens.VIEWER,
        path: "/api/v1/duties?side=CUSTOMER&pageSize=25",
      })
    ).json()) as { duties: { id: string }[] };
    expect(old.parts.map((row) => row.id)).toEqual(current.duties.map((row) => row.id));
  });
});

describe("evidence ↔ duty links", () => {
  it("PUT/DELETE /evidence/{id}/duties/{dutyId} link and unlink; the old /parts path is deprecated", async () => {
    const evidence = await noteEvidence(a);
    const params = { evidenceId: evidence.id, dutyId: a.duty.id };
    const linked = await callApi(evidenceDuty.PUT, {
      token: a.tokens.EDITOR,
      method: "PUT",
      params,
    });
    expect(linked.status).toBe(201);
    expect(await linked.json()).toEqual({ ...params, created: true });
    expect(
      await db.evidenceLink.count({ where: { evidenceId: evidence.id, dutyId: a.duty.id } }),
    ).toBe(1);
    const unlinked = await callApi(evidenceDuty.DELETE, {
      token: a.tokens.EDITOR,
      method: "DELETE",
      params,
    });
    expect(await unlinked.json()).toEqual({ ...params, removed: true });
    expect(
      await db.evidenceLink.count({ where: { evidenceId: evidence.id, dutyId: a.duty.id } }),
    ).toBe(0);
    const old = await callApi(deprecatedEvidenceDuty.PUT, {
      token: a.tokens.EDITOR,
      method: "PUT",
      path: `/api/v1/evidence/${evidence.id}/parts/${a.duty.id}`,
      params: { evidenceId: evidence.id, dutyId: a.duty.id },
    });
    expect(old.status).toBe(201);
    expect(old.headers.get("link")).toBe(
      `<http://localhost/api/v1/evidence/${evidence.id}/duties/${a.duty.id}>; rel="successor-version"`,
    );
  });

  it("refuses a VIEWER (403) and another workspace's duty or evidence (404)", async () => {
    const evidence = await noteEvidence(a);
    const foreignEvidence = await noteEvidence(b);
    expect(
      (
        await callApi(evidenceDuty.PUT, {
          token: a.tokens.VIEWER,
          method: "PUT",
          params: { evidenceId: evidence.id, dutyId: a.duty.id },
        })
      ).status,
    ).toBe(403);
    for (const params of [
      { evidenceId: evidence.id, dutyId: b.duty.id },
      { evidenceId: foreignEvidence.id, dutyId: a.duty.id },
    ]) {
      const response = await callApi(evidenceDuty.PUT, {
        token: a.tokens.ADMIN,
        method: "PUT",
        params,
      });
      expect(response.status).toBe(404);
    }
    expect(await db.evidenceLink.count({ where: { dutyId: b.duty.id } })).toBe(0);
    expect(await db.evidenceLink.count({ where: { evidenceId: foreignEvidence.id } })).toBe(0);
  });
});

describe("the old body names (deprecated: partIds, kind parts)", () => {
  it("bulk due date reads partIds as dutyIds, in the token's workspace only", async () => {
    const due = "2027-03-01";
    const response = await callApi(bulkDue.POST, {
      token: a.tokens.EDITOR,
      method: "POST",
      body: { partIds: [a.duty.id], dueDate: due },
    });
    expect(response.status).toBe(200);
    const row = await db.duty.findUniqueOrThrow({ where: { id: a.duty.id } });
    expect(row.dueDate?.toISOString().slice(0, 10)).toBe(due);
    const foreign = await callApi(bulkDue.POST, {
      token: a.tokens.EDITOR,
      method: "POST",
      body: { partIds: [b.duty.id], dueDate: due },
    });
    expect(foreign.status).toBe(404);
    const untouched = await db.duty.findUniqueOrThrow({ where: { id: b.duty.id } });
    expect(untouched.dueDate?.toISOString().slice(0, 10)).not.toBe(due);
  });

  it("bulk owner reads the target { kind: parts, partIds } as { kind: duties, dutyIds }", async () => {
    const response = await callApi(bulkOwner.POST, {
      token: a.tokens.EDITOR,
      method: "POST",
      body: { ownerId: null, target: { kind: "parts", partIds: [a.duty.id] } },
    });
    expect(response.status).toBe(200);
    const current = await callApi(bulkOwner.POST, {
      token: a.tokens.EDITOR,
      method: "POST",
      body: { ownerId: null, target: { kind: "duties", dutyIds: [a.duty.id] } },
    });
    expect(current.status).toBe(200);
    const neither = await callApi(bulkOwner.POST, {
      token: a.tokens.EDITOR,
      method: "POST",
      body: { ownerId: null, target: { kind: "pieces", dutyIds: [a.duty.id] } },
    });
    expect(neither.status).toBe(400);
  });
});
