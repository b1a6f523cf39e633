"use server";

import { workspaceActionClient } from "@/lib/actions/safe-action";
import { getCoverage, getCoverageBy } from "@/lib/server/coverage/get-coverage";
import { getGapList } from "@/lib/server/coverage/get-gap-list";
import {
  coverageGroupSchema,
  coverageScopeSchema,
  gapListQuerySchema,
} from "@/lib/validation/coverage";

// Coverage for interactive dashboards, through the action chain (slug bound first; the workspace
// comes from it, never from the input). The numbers are the engine's, as in the API.

export const getCoverageAction = workspaceActionClient
  .metadata({ name: "coverage.get", permission: "coverage.read" })
  .inputSchema(coverageScopeSchema.extend({ groupBy: coverageGroupSchema.optional() }))
  .action(async ({ parsedInput, ctx }) => {
    const { groupBy, ...scope } = parsedInput;
    const now = new Date();
    const [summary, groups] = await Promise.all([
      getCoverage({ workspaceId: ctx.workspace.id, scope, now }),
      groupBy ? getCoverageBy({ workspaceId: ctx.workspace.id, scope, now, groupBy }) : null,
    ]);
    return { summary, groups };
  });

export const listGapsAction = workspaceActionClient
  .metadata({ name: "coverage.gaps", permission: "coverage.read" })
  .inputSchema(gapListQuerySchema.extend({ scope: coverageScopeSchema.optional() }))
  .action(async ({ parsedInput, ctx }) => {
    const { limit, offset, scope, sort, ...filters } = parsedInput;
    return getGapList({ workspaceId: ctx.workspace.id, scope, filters, sort, limit, offset });
  });
