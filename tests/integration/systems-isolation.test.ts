// Two workspaces and every role: each registry page, action, download and API route answers 404
// for the other workspace's slug or ids, changes nothing and leaks nothing; VIEWER and AUDITOR
// change nothing; the same calls work for an EDITOR+ of the workspace (no over-blocking).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { GET as exportDuties } from "@/app/(app)/w/[workspaceSlug]/duties/export/route";
import DutiesPage from "@/app/(app)/w/[workspaceSlug]/duties/page";
import MyDutiesPage from "@/app/(app)/w/[workspaceSlug]/my-duties/page";
import EditSystemPage from "@/app/(app)/w/[workspaceSlug]/systems/[systemId]/edit/page";
import SystemPage, {
  generateMetadata as systemMetadata,
} from "@/app/(app)/w/[workspaceSlug]/systems/[systemId]/page";
import { GET as exportSystems } from "@/app/(app)/w/[workspaceSlug]/systems/export/route";
import ImportSystemsPage from "@/app/(app)/w/[workspaceSlug]/systems/import/page";
import NewSystemPage from "@/app/(app)/w/[workspaceSlug]/systems/new/page";
import SystemsPage from "@/app/(app)/w/[workspaceSlug]/systems/page";
import VendorPage from "@/app/(app)/w/[workspaceSlug]/vendors/[vendorId]/page";
import VendorsPage from "@/app/(app)/w/[workspaceSlug]/vendors/page";
import * as apiDuty from "@/app/api/v1/duties/[dutyId]/route";
import * as apiDuties from "@/app/api/v1/duties/route";
import * as apiOverride from "@/app/api/v1/responsibilities/[responsibilityId]/override/route";
import * as apiBulkDue from "@/app/api/v1/responsibilities/bulk-due-date/route";
import * as apiBulkOwner from "@/app/api/v1/responsibilities/bulk-owner/route";
import * as apiArchive from "@/app/api/v1/systems/[systemId]/archive/route";
import * as apiPreview from "@/app/api/v1/systems/[systemId]/rederivation-preview/route";
import * as apiSystem from "@/app/api/v1/systems/[systemId]/route";
import * as apiImport from "@/app/api/v1/systems/import/route";
import * as apiSystems from "@/app/api/v1/systems/route";
import * as apiAssessment from "@/app/api/v1/vendors/[vendorId]/assessment/[topicKey]/route";
import * as apiVendor from "@/app/api/v1/vendors/[vendorId]/route";
import * as apiVendorSystems from "@/app/api/v1/vendors/[vendorId]/systems/route";
import * as apiVendors from "@/app/api/v1/vendors/route";
import * as approvalActions from "@/lib/actions/approvals";
import * as responsibilityActions from "@/lib/actions/responsibilities";
import * as systemActions from "@/lib/actions/systems";
import * as vendorActions from "@/lib/actions/vendors";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { createVendor } from "@/lib/server/vendors/create-vendor";

import { expectNotFound } from "../support/identity-fixtures";
import {
  ensureFrameworks,
  registerTestSystem,
  registrySnapshot,
  versionIdOf,
  workspaceWithRoles,
} from "./systems-fixtures";

type Side = Awaited<ReturnType<typeof buildSide>>;

async function buildSide(label: string) {
  const roles = await workspaceWithRoles(label);
  const vendor = await createVendor({
    workspaceId: roles.workspace.id,
    actor: roles.actor,
    fields: {
      name: `${label} Vendor Secret`,
      kind: null,
      website: null,
      contactName: null,
      contactEmail: null,
      notes: null,
    },
  });
  const system = await registerTestSystem(roles.workspace, roles.actor, {
    primaryModel: "paas_ai",
    name: `${label} System Secret`,
    vendorId: vendor.id,
  });
  const part = await db.duty.findFirstOrThrow({
    where: { systemId: system.id, side: "CUSTOMER" },
  });
  const responsibility = await db.responsibility.findFirstOrThrow({
    where: { systemId: system.id, value: { not: "NA" } },
  });
  const token = async (role: "ADMIN" | "VIEWER" | "AUDITOR") =>
    (
      await createApiToken({
        workspaceId: roles.workspace.id,
        actor: roles.actor,
        actorRole: "OWNER",
        createdById: roles.owner.id,
        name: `${label} ${role}`,
        role,
        expiresAt: null,
      })
    ).secret;
  return {
    ...roles,
    vendor,
    system,
    part,
    responsibility,
    adminToken: await token("ADMIN"),
    viewerToken: await token("VIEWER"),
    auditorToken: await token("AUDITOR"),
  };
}

let a: Side;
let b: Side;
let srm: string;
beforeAll(async () => {
  await ensureFrameworks();
  srm = await versionIdOf("ai-security-srm");
  a = await buildSide("Alpha");
  b = await buildSide("Bravo");
});
beforeEach(() => setSessionForTests(a.owner.id));

function serialise(value: unknown): string {
  const seen = new WeakSet();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "function") return undefined;
    if (item && typeof item === "object") {
      if (seen.has(item)) return undefined;
      seen.add(item);
    }
    return item;
  });
}

const p = <T extends object>(value: T) => Promise.resolve(value);
const search = p({});

describe("pages", () => {
  const slugPages: [string, (slug: string) => Promise<unknown>][] = [
    [
      "systems",
      (slug) => SystemsPage({ params: p({ workspaceSlug: slug }), searchParams: search }),
    ],
    ["register", (slug) => NewSystemPage({ params: p({ workspaceSlug: slug }) })],
    ["import", (slug) => ImportSystemsPage({ params: p({ workspaceSlug: slug }) })],
    ["duties", (slug) => DutiesPage({ params: p({ workspaceSlug: slug }), searchParams: search })],
    [
      "my duties",
      (slug) => MyDutiesPage({ params: p({ workspaceSlug: slug }), searchParams: search }),
    ],
    ["vendors", (slug) => VendorsPage({ params: p({ workspaceSlug: slug }) })],
  ];
  const idPages: [string, (slug: string, s: Side) => Promise<unknown>][] = [
    [
      "system",
      (slug, s) => SystemPage({ params: p({ workspaceSlug: slug, systemId: s.system.id }) }),
    ],
    [
      "system title",
      (slug, s) => systemMetadata({ params: p({ workspaceSlug: slug, systemId: s.system.id }) }),
    ],
    [
      "edit system",
      (slug, s) => EditSystemPage({ params: p({ workspaceSlug: slug, systemId: s.system.id }) }),
    ],
    [
      "vendor",
      (slug, s) => VendorPage({ params: p({ workspaceSlug: slug, vendorId: s.vendor.id }) }),
    ],
  ];

  it.each(slugPages)("%s: the other workspace's slug is a 404", async (_name, render) => {
    await expectNotFound(() => render(b.workspace.slug));
  });
  it.each(idPages)("%s: the other workspace's slug or ids are a 404", async (_name, render) => {
    await expectNotFound(() => render(b.workspace.slug, b));
    await expectNotFound(() => render(a.workspace.slug, b));
  });
  it.each([
    ...slugPages.map(([n, r]) => [n, (slug: string) => r(slug)] as const),
    ...idPages.map(([n, r]) => [n, (slug: string) => r(slug, a)] as const),
  ])(
    "%s: renders for the workspace's own data without the other's names",
    async (_name, render) => {
      const output = serialise(await render(a.workspace.slug));
      expect(output).not.toContain("Bravo");
    },
  );
  it("lists one's own duties on Duties and My duties, never the other's (positive control)", async () => {
    const before = await db.duty.findMany({ where: { id: { in: [a.part.id, b.part.id] } } });
    // Even a duty of the other workspace that names this user as its owner stays out.
    await db.duty.updateMany({
      where: { id: { in: [a.part.id, b.part.id] } },
      data: { ownerId: a.owner.id, status: "IN_PROGRESS" },
    });
    try {
      const args = { params: p({ workspaceSlug: a.workspace.slug }), searchParams: search };
      for (const output of [await MyDutiesPage(args), await DutiesPage(args)].map(serialise)) {
        expect(output).toContain("Alpha System Secret");
        expect(output).not.toContain("Bravo");
      }
    } finally {
      for (const duty of before) {
        await db.duty.update({
          where: { id: duty.id },
          data: { ownerId: duty.ownerId, status: duty.status },
        });
      }
    }
  });
  it("shows the system's own name (positive control)", async () => {
    expect(
      serialise(
        await SystemPage({ params: p({ workspaceSlug: a.workspace.slug, systemId: a.system.id }) }),
      ),
    ).toContain("Alpha System Secret");
  });
});

describe("downloads", () => {
  const ctx = (slug: string) => ({ params: p({ workspaceSlug: slug }) });
  it("answer 404 for another workspace and export only one's own rows", async () => {
    for (const handler of [exportSystems, exportDuties]) {
      expect((await handler(new Request("http://x/"), ctx(b.workspace.slug))).status).toBe(404);
      const own = await handler(new Request("http://x/"), ctx(a.workspace.slug));
      expect(own.status).toBe(200);
      const text = await own.text();
      expect(text).toContain("Alpha System Secret");
      expect(text).not.toContain("Bravo");
    }
  });
});

type ActionResult = { data?: unknown; serverError?: { code: string }; validationErrors?: unknown };
// Every mutating action, given the workspace slug and the side whose ids it uses.
function mutations(slug: string, s: Side): [string, () => Promise<ActionResult>][] {
  const fields = { name: "X", frameworkVersionId: srm, primaryModel: "saas_ai" };
  return [
    ["register", () => systemActions.registerSystemAction(slug, fields)],
    [
      "update",
      () =>
        systemActions.updateSystemAction(slug, {
          ...fields,
          systemId: s.system.id,
          expectedVersion: 1,
        }),
    ],
    ["archive", () => systemActions.archiveSystemAction(slug, { systemId: s.system.id })],
    ["restore", () => systemActions.restoreSystemAction(slug, { systemId: s.system.id })],
    [
      "preview",
      () =>
        systemActions.previewRederivationAction(slug, {
          systemId: s.system.id,
          frameworkVersionId: srm,
          primaryModel: "saas_ai",
          additionalModels: [],
        }),
    ],
    [
      "import",
      () => systemActions.importSystemsAction(slug, { csv: "name,primary_model\nX,saas_ai\n" }),
    ],
    [
      "override",
      () =>
        responsibilityActions.overrideResponsibilityAction(slug, {
          responsibilityId: s.responsibility.id,
          value: null,
          justification: null,
        }),
    ],
    [
      "update duty",
      () =>
        responsibilityActions.updateDutyAction(slug, {
          dutyId: s.part.id,
          expectedVersion: s.part.version,
          status: "IN_PROGRESS",
        }),
    ],
    [
      "bulk owner",
      () =>
        responsibilityActions.bulkAssignOwnerAction(slug, {
          ownerId: null,
          target: { kind: "duties", dutyIds: [s.part.id] },
        }),
    ],
    [
      "bulk owner (system)",
      () =>
        responsibilityActions.bulkAssignOwnerAction(slug, {
          ownerId: null,
          target: { kind: "system", systemId: s.system.id },
        }),
    ],
    [
      "bulk due",
      () =>
        responsibilityActions.bulkSetDueDateAction(slug, {
          dutyIds: [s.part.id],
          dueDate: "2030-01-01",
        }),
    ],
    ["create vendor", () => vendorActions.createVendorAction(slug, { name: "New vendor" })],
    [
      "update vendor",
      () => vendorActions.updateVendorAction(slug, { vendorId: s.vendor.id, name: "Renamed" }),
    ],
    ["delete vendor", () => vendorActions.deleteVendorAction(slug, { vendorId: s.vendor.id })],
    [
      "link",
      () =>
        vendorActions.linkVendorSystemsAction(slug, {
          vendorId: s.vendor.id,
          systemIds: [s.system.id],
        }),
    ],
    [
      "unlink",
      () =>
        vendorActions.unlinkVendorSystemAction(slug, {
          vendorId: s.vendor.id,
          systemId: s.system.id,
        }),
    ],
    [
      "assess",
      () =>
        vendorActions.saveAssessmentAnswerAction(slug, {
          vendorId: s.vendor.id,
          topicKey: "guardrails",
          status: "CONCERN",
        }),
    ],
  ];
}
const CREATES = new Set(["register", "import", "create vendor"]);

describe("server actions", () => {
  it("answer 404 for the other workspace's slug and change nothing there", async () => {
    for (const [name, call] of mutations(b.workspace.slug, b)) {
      const before = await registrySnapshot(b.workspace.id);
      const result = await call();
      expect(result.serverError, name).toMatchObject({ code: "NOT_FOUND" });
      expect(JSON.stringify(result), name).not.toContain("Bravo");
      expect(await registrySnapshot(b.workspace.id), name).toEqual(before);
    }
  });

  it("answer 404 for the other workspace's ids under one's own slug and change nothing", async () => {
    for (const [name, call] of mutations(a.workspace.slug, b)) {
      if (CREATES.has(name)) continue;
      const beforeA = await registrySnapshot(a.workspace.id);
      const beforeB = await registrySnapshot(b.workspace.id);
      const result = await call();
      expect(result.serverError, name).toMatchObject({ code: "NOT_FOUND" });
      expect(JSON.stringify(result), name).not.toContain("Bravo");
      expect(await registrySnapshot(a.workspace.id), name).toEqual(beforeA);
      expect(await registrySnapshot(b.workspace.id), name).toEqual(beforeB);
    }
  });

  it.each(["viewer", "auditor"] as const)("a %s can change nothing", async (role) => {
    setSessionForTests(a[role].id);
    for (const [name, call] of mutations(a.workspace.slug, a)) {
      const before = await registrySnapshot(a.workspace.id);
      const result = await call();
      expect(result.serverError, `${role} ${name}`).toMatchObject({ code: "FORBIDDEN" });
      expect(await registrySnapshot(a.workspace.id), name).toEqual(before);
    }
  });

  it("an editor can do the daily work, overrides included (positive control)", async () => {
    setSessionForTests(a.editor.id);
    const slug = a.workspace.slug;
    expect(
      (
        await responsibilityActions.updateDutyAction(slug, {
          dutyId: a.part.id,
          expectedVersion: a.part.version,
          ownerId: a.editor.id,
        })
      ).data,
    ).toMatchObject({ changed: true });
    // An override is a request for an admin's approval; removing one needs none.
    const requested = await approvalActions.requestApprovalAction(slug, {
      kind: "OVERRIDE",
      responsibilityId: a.responsibility.id,
      proposedValue: a.responsibility.value === "C" ? "S" : "C",
      justification: "We run it.",
      approverId: a.admin.id,
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(requested.data).toMatchObject({ status: "PENDING" });
    const cleared = await responsibilityActions.overrideResponsibilityAction(slug, {
      responsibilityId: a.responsibility.id,
      value: null,
      justification: null,
    });
    expect(cleared.data).toMatchObject({ overrideValue: null });
    const created = await systemActions.registerSystemAction(slug, {
      name: "Editor system",
      frameworkVersionId: srm,
      primaryModel: "ai_coding",
    });
    expect(created.data?.id).toBeTruthy();
    expect(
      (await systemActions.archiveSystemAction(slug, { systemId: created.data!.id })).data,
    ).toBeTruthy();
    expect(
      (
        await vendorActions.saveAssessmentAnswerAction(slug, {
          vendorId: a.vendor.id,
          topicKey: "versioning",
          status: "IN_REVIEW",
        })
      ).data,
    ).toBeTruthy();
  });
});

function call(
  handler: (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>,
  input: {
    token: string;
    method?: string;
    path?: string;
    params?: Record<string, string>;
    body?: unknown;
  },
) {
  return handler(
    new Request(`http://localhost${input.path ?? "/api/v1/x"}`, {
      method: input.method ?? "GET",
      headers: { authorization: `Bearer ${input.token}`, "content-type": "application/json" },
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
    }),
    { params: p(input.params ?? {}) },
  );
}

describe("API routes", () => {
  // B's ids addressed with A's admin token: every route is a 404 and B is unchanged.
  const foreign = (s: Side): [string, (token: string) => Promise<Response>][] => [
    ["get system", (t) => call(apiSystem.GET, { token: t, params: { systemId: s.system.id } })],
    [
      "update system",
      (t) =>
        call(apiSystem.PATCH, {
          token: t,
          method: "PATCH",
          params: { systemId: s.system.id },
          body: { name: "X", frameworkVersionId: srm, primaryModel: "saas_ai", expectedVersion: 1 },
        }),
    ],
    [
      "archive",
      (t) =>
        call(apiArchive.POST, {
          token: t,
          method: "POST",
          params: { systemId: s.system.id },
          body: {},
        }),
    ],
    [
      "preview",
      (t) =>
        call(apiPreview.POST, {
          token: t,
          method: "POST",
          params: { systemId: s.system.id },
          body: { frameworkVersionId: srm, primaryModel: "saas_ai" },
        }),
    ],
    [
      "update duty",
      (t) =>
        call(apiDuty.PATCH, {
          token: t,
          method: "PATCH",
          params: { dutyId: s.part.id },
          body: { expectedVersion: s.part.version, status: "IN_PROGRESS" },
        }),
    ],
    [
      "override",
      (t) =>
        call(apiOverride.POST, {
          token: t,
          method: "POST",
          params: { responsibilityId: s.responsibility.id },
          body: { value: null },
        }),
    ],
    [
      "bulk owner",
      (t) =>
        call(apiBulkOwner.POST, {
          token: t,
          method: "POST",
          body: { ownerId: null, target: { kind: "duties", dutyIds: [s.part.id] } },
        }),
    ],
    [
      "bulk due",
      (t) =>
        call(apiBulkDue.POST, {
          token: t,
          method: "POST",
          body: { dutyIds: [s.part.id], dueDate: null },
        }),
    ],
    ["get vendor", (t) => call(apiVendor.GET, { token: t, params: { vendorId: s.vendor.id } })],
    [
      "update vendor",
      (t) =>
        call(apiVendor.PATCH, {
          token: t,
          method: "PATCH",
          params: { vendorId: s.vendor.id },
          body: { name: "X" },
        }),
    ],
    [
      "delete vendor",
      (t) =>
        call(apiVendor.DELETE, { token: t, method: "DELETE", params: { vendorId: s.vendor.id } }),
    ],
    [
      "link",
      (t) =>
        call(apiVendorSystems.POST, {
          token: t,
          method: "POST",
          params: { vendorId: s.vendor.id },
          body: { systemIds: [s.system.id] },
        }),
    ],
    [
      "assess",
      (t) =>
        call(apiAssessment.PUT, {
          token: t,
          method: "PUT",
          params: { vendorId: s.vendor.id, topicKey: "guardrails" },
          body: { status: "CONCERN" },
        }),
    ],
  ];

  it("answer 404 for another workspace's ids and change nothing", async () => {
    for (const [name, run] of foreign(b)) {
      const before = await registrySnapshot(b.workspace.id);
      const response = await run(a.adminToken);
      expect(response.status, name).toBe(404);
      expect(await response.text(), name).not.toContain("Bravo");
      expect(await registrySnapshot(b.workspace.id), name).toEqual(before);
    }
  });

  it("lists only the token's own workspace", async () => {
    for (const handler of [apiSystems.GET, apiDuties.GET, apiVendors.GET]) {
      const response = await call(handler, { token: a.adminToken });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain("Alpha");
      expect(text).not.toContain("Bravo");
    }
  });

  it.each(["viewerToken", "auditorToken"] as const)("a %s can read but not write", async (key) => {
    expect(
      (await call(apiSystem.GET, { token: a[key], params: { systemId: a.system.id } })).status,
    ).toBe(200);
    const before = await registrySnapshot(a.workspace.id);
    for (const [name, run] of foreign(a)) {
      if (name.startsWith("get")) continue;
      expect((await run(a[key])).status, name).toBe(403);
    }
    expect(
      (
        await call(apiSystems.POST, {
          token: a[key],
          method: "POST",
          body: { name: "X", frameworkVersionId: srm, primaryModel: "saas_ai" },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(apiImport.POST, {
          token: a[key],
          method: "POST",
          body: { csv: "name,primary_model\nX,saas_ai" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(apiVendors.POST, { token: a[key], method: "POST", body: { name: "X" } })).status,
    ).toBe(403);
    expect(await registrySnapshot(a.workspace.id)).toEqual(before);
  });

  it("an admin token works on its own workspace, with the same audit events (positive control)", async () => {
    const created = await call(apiSystems.POST, {
      token: a.adminToken,
      method: "POST",
      body: { name: "API system", frameworkVersionId: srm, primaryModel: "mcp_systems" },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "system.create", entityId: id },
    });
    expect(event.actorType).toBe("TOKEN");
    const detail = await call(apiSystem.GET, { token: a.adminToken, params: { systemId: id } });
    const body = (await detail.json()) as {
      system: { version: number };
      domains: { parts: { id: string; version: number }[] }[];
    };
    const part = body.domains.flatMap((d) => d.parts)[0]!;
    const patched = await call(apiDuty.PATCH, {
      token: a.adminToken,
      method: "PATCH",
      params: { dutyId: part.id },
      body: { expectedVersion: part.version, dueDate: "2031-01-31" },
    });
    expect(patched.status).toBe(200);
    const stale = await call(apiDuty.PATCH, {
      token: a.adminToken,
      method: "PATCH",
      params: { dutyId: part.id },
      body: { expectedVersion: part.version, dueDate: "2031-02-28" },
    });
    expect(stale.status).toBe(409);
    const bad = await call(apiImport.POST, {
      token: a.adminToken,
      method: "POST",
      body: { csv: "name,primary_model\nX,nope\n" },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("row 2, column primary_model");
    expect(
      (
        await call(apiArchive.POST, {
          token: a.adminToken,
          method: "POST",
          params: { systemId: id },
          body: { archived: true },
        })
      ).status,
    ).toBe(200);
  });
});
