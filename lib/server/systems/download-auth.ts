import "server-only";

import type { Permission } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import { getSession } from "@/lib/auth/session";
import { findWorkspaceMembership } from "@/lib/server/workspaces/find-workspace-membership";

/**
 * Session check for the CSV downloads under /w/[slug]/… (route handlers, where notFound() pages do
 * not apply): the workspace of a non-member, an unknown slug and a missing permission all answer
 * null, which the route turns into the same plain 404.
 */
export async function downloadWorkspace(slug: string, permission: Permission) {
  const session = await getSession();
  if (!session) return null;
  const membership = await findWorkspaceMembership({ userId: session.user.id, slug });
  if (!membership || !can(membership.role, permission)) return null;
  return membership.workspace;
}

export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

export const notFoundResponse = () =>
  new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
