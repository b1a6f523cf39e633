import "server-only";

import { can, type Permission } from "@/lib/auth/permissions";
import { getSession } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { setRequestWorkspace } from "@/lib/log/request-context";
import { findWorkspaceMembership } from "@/lib/server/workspaces/find-workspace-membership";

/**
 * Session-cookie auth for the browser's evidence endpoints under /api/workspaces/[slug] (the
 * upload has to live under /api: proxy.ts buffers and truncates bodies everywhere else). The
 * page helper's redirects do not fit JSON endpoints, so: no session → 401, unknown slug or not a
 * member → 404 before anything of the workspace is read, member without the permission → 403.
 *
 * State-changing requests must come from our own pages: a cross-site Origin is refused even
 * though the SameSite=Lax cookie would not be sent with it anyway (defence in depth, as Next does
 * for server actions).
 */
export async function sessionRouteAuth({
  request,
  slug,
  permission,
}: {
  request: Request;
  slug: string;
  permission: Permission;
}) {
  if (request.method !== "GET" && !sameOrigin(request)) {
    throw new ForbiddenError("This request did not come from the app's own pages.");
  }
  const session = await getSession();
  if (!session) throw new UnauthorizedError();
  const membership = await findWorkspaceMembership({ userId: session.user.id, slug });
  if (!membership) throw new NotFoundError("Workspace not found.");
  setRequestWorkspace(membership.workspace.id);
  if (!can(membership.role, permission)) throw new ForbiddenError();
  const actor = { type: "USER" as const, id: session.user.id, label: session.user.email };
  return { user: session.user, actor, ...membership };
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
