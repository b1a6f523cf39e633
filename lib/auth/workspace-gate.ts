import "server-only";

import { forbidden, notFound, redirect } from "next/navigation";

import { can, type Permission } from "@/lib/auth/permissions";
import { findWorkspaceAuth, getSession, type WorkspaceAuth } from "@/lib/auth/session";
import { setRequestWorkspace } from "@/lib/log/request-context";

/*
 * THE access gate for everything a browser reaches with the session cookie under a workspace
 * slug: pages and layouts (`requireWorkspacePage`, here) and route handlers (`workspaceRoute`,
 * lib/auth/workspace-route.ts). Both ask `checkWorkspaceAccess`, and both answer like the server
 * action chain (lib/actions/safe-action.ts) and the REST API (lib/server/api/route.ts):
 *
 *   not signed in (or the session ended)     page: sign-in redirect   route: 401
 *   unknown slug, or not a member            404 (a workspace's existence is never revealed)
 *   member whose role lacks the permission   403 (app/forbidden.tsx for pages)
 *
 * The order matters: membership is settled before the permission, so a 403 is only ever shown to
 * someone who may already know the workspace exists.
 */

export type WorkspaceAccess =
  | { outcome: "signed-out" }
  | { outcome: "not-found" }
  | { outcome: "forbidden" }
  | { outcome: "granted"; auth: WorkspaceAuth };

/** The one decision, shared by the page gate and the route wrapper. Per-request cached reads. */
export async function checkWorkspaceAccess(
  slug: string,
  permission: Permission,
): Promise<WorkspaceAccess> {
  if (!(await getSession())) return { outcome: "signed-out" };
  const auth = await findWorkspaceAuth(slug);
  if (!auth) return { outcome: "not-found" };
  // Log lines of the request name the workspace from here on (a 403 included).
  setRequestWorkspace(auth.workspace.id);
  if (!can(auth.role, permission)) return { outcome: "forbidden" };
  return { outcome: "granted", auth };
}

/**
 * For pages and layouts under /w/[slug]: the signed-in member's workspace and role when their
 * role holds `permission`. Otherwise it does not return: a sign-in redirect (back to the
 * workspace), Next's notFound() or forbidden(). Call it before reading anything of the workspace.
 *
 *   const auth = await requireWorkspacePage((await params).workspaceSlug, "audit.read");
 */
export async function requireWorkspacePage(
  slug: string,
  permission: Permission,
): Promise<WorkspaceAuth> {
  const access = await checkWorkspaceAccess(slug, permission);
  switch (access.outcome) {
    case "signed-out":
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/w/${slug}`)}`);
    case "not-found":
      notFound();
    case "forbidden":
      forbidden();
    case "granted":
      return access.auth;
  }
}
