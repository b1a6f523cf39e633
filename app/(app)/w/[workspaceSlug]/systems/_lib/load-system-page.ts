import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { NotFoundError } from "@/lib/errors";
import { getSystem } from "@/lib/server/systems/get-system";
import { idSchema } from "@/lib/validation/systems";

/**
 * Loader of every page of one system: membership first (non-members: 404 before anything is
 * read), then the system through the workspace-scoped service. Another workspace's id and an
 * unknown one end in the same 404, so not even a name reaches the title. Cached per request.
 */
export const loadSystemPage = cache(async (slug: string, systemId: string) => {
  const auth = await requireWorkspacePage(slug, "system.read");
  if (!idSchema.safeParse(systemId).success) notFound();
  try {
    return { auth, detail: await getSystem({ workspaceId: auth.workspace.id, systemId }) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
