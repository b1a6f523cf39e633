import "server-only";

import { type CrosswalkDiff, diffCrosswalks } from "@/lib/crosswalks/diff";
import { getCrosswalkVersion } from "@/lib/server/crosswalks/get-crosswalk-version";

/** Diff of two versions of one crosswalk the workspace can see. */
export async function compareCrosswalkVersions(input: {
  workspaceId: string | null;
  key: string;
  from: string;
  to: string;
}): Promise<{ key: string; from: string; to: string; diff: CrosswalkDiff }> {
  const [a, b] = await Promise.all([
    getCrosswalkVersion({ workspaceId: input.workspaceId, key: input.key, version: input.from }),
    getCrosswalkVersion({ workspaceId: input.workspaceId, key: input.key, version: input.to }),
  ]);
  return {
    key: input.key,
    from: a.version,
    to: b.version,
    diff: diffCrosswalks(a.definition, b.definition),
  };
}
