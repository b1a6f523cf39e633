import "server-only";

import type { Permission } from "@/lib/auth/permissions";
import type { WorkspaceAuth } from "@/lib/auth/session";
import { checkWorkspaceAccess } from "@/lib/auth/workspace-gate";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { withRequestContext } from "@/lib/server/api/route";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";

/*
 * Wraps a route handler that the app's own pages call with the session cookie (status polling,
 * CSV and file downloads, the evidence upload): everything under app/(app)/w/[workspaceSlug]/…/route.ts
 * and app/api/workspaces/[workspaceSlug]/…. The check is the pages' (lib/auth/workspace-gate.ts), the
 * answers are JSON like the REST API's: no session → 401, unknown slug or not a member → 404,
 * role without the permission → 403, each as `{ "error": { "code", "message" } }`.
 *
 *   export const GET = workspaceRoute({ permission: "report.read" }, async ({ auth }) =>
 *     Response.json(await listReports(auth.workspace.id)));
 *
 * Route parameters besides the slug are typed with the generic: workspaceRoute<{ workspaceSlug:
 * string; reportId: string }>(…, async ({ params }) => …).
 *
 * A request that changes something (any method but GET/HEAD) must come from our own pages: a
 * cross-site Origin is refused before the session is even read, although the SameSite=Lax cookie
 * would not travel with it anyway (defence in depth, as Next does for server actions).
 */

export type WorkspaceRouteAuth = WorkspaceAuth & {
  /** For recordAuditEvent: the signed-in user. */
  actor: AuditActor;
};

export type WorkspaceRouteContext<Params> = {
  request: Request;
  params: Params;
  auth: WorkspaceRouteAuth;
};

type WorkspaceParams = { workspaceSlug: string };

export function workspaceRoute<Params extends WorkspaceParams = WorkspaceParams>(
  options: { permission: Permission },
  handler: (context: WorkspaceRouteContext<Params>) => Promise<Response>,
) {
  return (request: Request, context: { params: Promise<Params> }): Promise<Response> =>
    withRequestContext(request, async () => {
      if (!isSafeMethod(request.method) && !sameOrigin(request)) {
        throw new ForbiddenError("This request did not come from the app's own pages.");
      }
      const params = await context.params;
      const access = await checkWorkspaceAccess(params.workspaceSlug, options.permission);
      switch (access.outcome) {
        case "signed-out":
          throw new UnauthorizedError();
        case "not-found":
          throw new NotFoundError("Workspace not found.");
        case "forbidden":
          throw new ForbiddenError();
        case "granted": {
          const { user } = access.auth;
          const actor: AuditActor = { type: "USER", id: user.id, label: user.email };
          return handler({ request, params, auth: { ...access.auth, actor } });
        }
      }
    });
}

function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  // Non-browser clients send no Origin; browsers always send it on POST.
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
