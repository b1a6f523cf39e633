import "server-only";

import { can, type Permission } from "@/lib/auth/permissions";
import { getSession } from "@/lib/auth/session";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import { findWorkspaceMembership } from "@/lib/server/workspaces/find-workspace-membership";

/**
 * Session-cookie auth for the route handlers under /w/[workspace] (status JSON, downloads), which
 * cannot use the page helper's redirects: no session → 401, not a member → 404 (the workspace's
 * existence does not leak), role without the permission → 404 as well, like the pages.
 */
export async function workspaceRouteAuth({
  slug,
  permission,
}: {
  slug: string;
  permission: Permission;
}) {
  const session = await getSession();
  if (!session) throw new UnauthorizedError();
  const membership = await findWorkspaceMembership({ userId: session.user.id, slug });
  if (!membership) throw new NotFoundError("Workspace not found.");
  if (!can(membership.role, permission)) throw new NotFoundError("Not found.");
  return { user: session.user, ...membership };
}
