// The one workspace gate (lib/auth/workspace-gate.ts, lib/auth/workspace-route.ts), for pages and
// for cookie route handlers alike. Two workspaces: asking for the other one's slug, or a slug
// that does not exist, is a 404 that names nothing; a member whose role lacks the permission gets
// 403; a visitor without a session is sent to sign in (pages) or answered 401 (routes). The
// positive cases show the 404s and 403s do not come from refusing everyone.
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { GET as exportStatusRoute } from "@/app/(app)/w/[workspaceSlug]/exports/status/route";
import { GET as gapsCsvRoute } from "@/app/(app)/w/[workspaceSlug]/gaps/export/route";
import BackgroundJobsPage from "@/app/(app)/w/[workspaceSlug]/settings/jobs/page";
import { setSessionForTests } from "@/lib/auth/session";
import { checkWorkspaceAccess, requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { workspaceRoute, type WorkspaceRouteAuth } from "@/lib/auth/workspace-route";

import {
  expectForbidden,
  expectNotFound,
  expectRedirect,
  memberWithRole,
  signedUpOwner,
} from "../support/identity-fixtures";

type World = Awaited<ReturnType<typeof signedUpOwner>>;
let a: World;
let b: World;
let viewerOfA: string;

beforeAll(async () => {
  a = await signedUpOwner("gate-a", "Gate Alpha");
  b = await signedUpOwner("gate-b", "Gate Bravo Secret");
  viewerOfA = (await memberWithRole(a.workspace.id, "VIEWER")).user.id;
});

afterEach(() => setSessionForTests(undefined));

const routeContext = (workspace: string) => ({
  params: Promise.resolve({ workspaceSlug: workspace }),
});

/** A route wrapped with an ADMIN-only permission, recording whether its body ran and for whom. */
function adminOnlyRoute() {
  const calls: WorkspaceRouteAuth[] = [];
  const route = workspaceRoute({ permission: "job.read" }, async ({ auth }) => {
    calls.push(auth);
    return Response.json({ workspace: auth.workspace.name });
  });
  return { route, calls };
}

describe("checkWorkspaceAccess", () => {
  it("decides signed-out, not-found, forbidden and granted", async () => {
    setSessionForTests(null);
    expect(await checkWorkspaceAccess(a.workspace.slug, "workspace.read")).toEqual({
      outcome: "signed-out",
    });
    setSessionForTests(a.user.id);
    expect(await checkWorkspaceAccess(b.workspace.slug, "workspace.read")).toEqual({
      outcome: "not-found",
    });
    expect(await checkWorkspaceAccess("no-such-workspace", "workspace.read")).toEqual({
      outcome: "not-found",
    });
    expect(await checkWorkspaceAccess(a.workspace.slug, "job.read")).toMatchObject({
      outcome: "granted",
      auth: { role: "OWNER", workspace: { id: a.workspace.id } },
    });
    setSessionForTests(viewerOfA);
    expect(await checkWorkspaceAccess(a.workspace.slug, "job.read")).toEqual({
      outcome: "forbidden",
    });
  });
});

describe("requireWorkspacePage", () => {
  it("returns the member's workspace and role when the role holds the permission", async () => {
    setSessionForTests(viewerOfA);
    await expect(requireWorkspacePage(a.workspace.slug, "system.read")).resolves.toMatchObject({
      role: "VIEWER",
      workspace: { id: a.workspace.id, slug: a.workspace.slug },
    });
  });

  it("answers 404 for another workspace's slug and for an unknown slug", async () => {
    setSessionForTests(a.user.id);
    await expectNotFound(() => requireWorkspacePage(b.workspace.slug, "workspace.read"));
    await expectNotFound(() => requireWorkspacePage("no-such-workspace", "workspace.read"));
  });

  it("answers 403 to a VIEWER on an ADMIN-only page, real page included", async () => {
    setSessionForTests(viewerOfA);
    await expectForbidden(() => requireWorkspacePage(a.workspace.slug, "job.read"));
    await expectForbidden(() =>
      BackgroundJobsPage({ params: Promise.resolve({ workspaceSlug: a.workspace.slug }) }),
    );
  });

  it("checks membership before the permission: an outsider gets 404, never 403", async () => {
    setSessionForTests(b.user.id);
    await expectNotFound(() => requireWorkspacePage(a.workspace.slug, "job.read"));
    await expectNotFound(() =>
      BackgroundJobsPage({ params: Promise.resolve({ workspaceSlug: a.workspace.slug }) }),
    );
  });

  it("sends a visitor without a session to sign in, back to the workspace", async () => {
    setSessionForTests(null);
    await expectRedirect(
      () => requireWorkspacePage(a.workspace.slug, "workspace.read"),
      `/sign-in?callbackUrl=${encodeURIComponent(`/w/${a.workspace.slug}`)}`,
    );
  });
});

describe("workspaceRoute", () => {
  it("runs the handler for a member whose role holds the permission", async () => {
    const { route, calls } = adminOnlyRoute();
    setSessionForTests(a.user.id);
    const response = await route(new Request("http://localhost/x"), routeContext(a.workspace.slug));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ workspace: "Gate Alpha" });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      workspace: { id: a.workspace.id },
      role: "OWNER",
      actor: { type: "USER", id: a.user.id, label: a.user.email },
    });
  });

  it("answers 404 for another workspace's slug and an unknown slug, naming nothing", async () => {
    const { route, calls } = adminOnlyRoute();
    setSessionForTests(a.user.id);
    for (const slug of [b.workspace.slug, "no-such-workspace"]) {
      const response = await route(new Request("http://localhost/x"), routeContext(slug));
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).toContain("NOT_FOUND");
      expect(body).not.toContain("Bravo");
    }
    expect(calls).toHaveLength(0);
  });

  it("answers 403 to a VIEWER on an ADMIN-only route, and 404 to an outsider", async () => {
    const { route, calls } = adminOnlyRoute();
    setSessionForTests(viewerOfA);
    const refused = await route(new Request("http://localhost/x"), routeContext(a.workspace.slug));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    setSessionForTests(b.user.id);
    const outsider = await route(new Request("http://localhost/x"), routeContext(a.workspace.slug));
    expect(outsider.status).toBe(404);
    expect(calls).toHaveLength(0);
  });

  it("answers 401 without a session", async () => {
    const { route, calls } = adminOnlyRoute();
    setSessionForTests(null);
    const response = await route(new Request("http://localhost/x"), routeContext(a.workspace.slug));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect(calls).toHaveLength(0);
  });

  it("refuses a cross-site write before anything else, and lets a same-site one through", async () => {
    const calls: string[] = [];
    const route = workspaceRoute({ permission: "workspace.read" }, async ({ auth }) => {
      calls.push(auth.workspace.id);
      return new Response(null, { status: 204 });
    });
    setSessionForTests(a.user.id);
    const post = (origin: string) =>
      route(
        new Request("http://app.example/x", {
          method: "POST",
          headers: { origin, host: "app.example" },
        }),
        routeContext(a.workspace.slug),
      );
    expect((await post("https://evil.example")).status).toBe(403);
    expect(calls).toHaveLength(0);
    expect((await post("http://app.example")).status).toBe(204);
    expect(calls).toEqual([a.workspace.id]);
  });

  it("is what the app's routes answer with: a status poll and a CSV download", async () => {
    setSessionForTests(viewerOfA);
    const status = await exportStatusRoute(
      new Request("http://localhost/x"),
      routeContext(a.workspace.slug),
    );
    expect(status.status).toBe(403);
    const csv = await gapsCsvRoute(
      new Request("http://localhost/x"),
      routeContext(a.workspace.slug),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");

    setSessionForTests(a.user.id);
    const foreign = await gapsCsvRoute(
      new Request("http://localhost/x"),
      routeContext(b.workspace.slug),
    );
    expect(foreign.status).toBe(404);

    // The CSV downloads used to answer a bare 404 without a session; now 401 like every route.
    setSessionForTests(null);
    const anonymous = await gapsCsvRoute(
      new Request("http://localhost/x"),
      routeContext(a.workspace.slug),
    );
    expect(anonymous.status).toBe(401);
  });
});
