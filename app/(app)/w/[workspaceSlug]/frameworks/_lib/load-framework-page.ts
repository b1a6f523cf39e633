import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { NotFoundError } from "@/lib/errors";
import { getFrameworkVersion } from "@/lib/server/frameworks/get-framework-version";
import { frameworkKeySchema, frameworkVersionSchema } from "@/lib/validation/frameworks";

/**
 * Loader of every framework page: the workspace from the URL (non-members get 404 before anything
 * is read), then the framework through the scoped service. Another workspace's framework, an
 * unknown key or version and a malformed one all end in the same 404, so nothing leaks, not even a
 * name in the page title. Cached per request so generateMetadata and the page share one load.
 */
export const loadFrameworkPage = cache(
  async (slug: string, key: string, version: string | undefined) => {
    const auth = await requireWorkspacePage(slug, "framework.read");
    const parsedKey = frameworkKeySchema.safeParse(key);
    const parsedVersion =
      version === undefined ? undefined : frameworkVersionSchema.safeParse(version);
    if (!parsedKey.success || (parsedVersion && !parsedVersion.success)) notFound();
    try {
      const loaded = await getFrameworkVersion({
        workspaceId: auth.workspace.id,
        key: parsedKey.data,
        version: parsedVersion?.data,
      });
      return { auth, ...loaded };
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
  },
);

export type FrameworkPageData = Awaited<ReturnType<typeof loadFrameworkPage>>;
