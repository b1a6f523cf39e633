import "server-only";

import { revalidatePath } from "next/cache";

/**
 * Refreshes every page of a workspace after a mutation (layout scope: the shell shows the name,
 * counts and role). Outside a Next.js request (integration tests calling actions directly) there
 * is no cache to refresh; Next signals that with an invariant error, which alone is ignored.
 */
export function revalidateWorkspace(slug: string) {
  refresh(`/w/${slug}`);
}

export function revalidateWorkspacePicker() {
  refresh("/w");
}

function refresh(path: string) {
  try {
    revalidatePath(path, "layout");
  } catch (error) {
    if (error instanceof Error && error.message.includes("static generation store missing")) return;
    throw error;
  }
}
