import "server-only";

import { diffFrameworkVersions, type FrameworkDiff } from "@/lib/frameworks/diff";
import {
  getFrameworkVersion,
  type LoadedFrameworkVersion,
} from "@/lib/server/frameworks/get-framework-version";

export type FrameworkComparison = {
  from: LoadedFrameworkVersion;
  to: LoadedFrameworkVersion;
  diff: FrameworkDiff;
};

/**
 * Differences between two versions of one framework the workspace can see. Both sides go through
 * the same scoped loader, so comparing against another workspace's framework is a NotFoundError.
 */
export async function compareFrameworkVersions({
  workspaceId,
  key,
  from,
  to,
}: {
  workspaceId: string | null;
  key: string;
  from: string;
  to: string;
}): Promise<FrameworkComparison> {
  const [a, b] = await Promise.all([
    getFrameworkVersion({ workspaceId, key, version: from }),
    getFrameworkVersion({ workspaceId, key, version: to }),
  ]);
  return { from: a, to: b, diff: diffFrameworkVersions(a.definition, b.definition) };
}
