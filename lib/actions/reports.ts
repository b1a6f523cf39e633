"use server";

import { z } from "zod";

import { revalidateWorkspace } from "@/lib/actions/revalidate";
import { workspaceActionClient } from "@/lib/actions/safe-action";
import { startReport } from "@/lib/server/reports/start-report";

/** Queues a PDF report of the workspace (the page polls its status). */
export const startReportAction = workspaceActionClient
  .metadata({ name: "report.generate", permission: "report.read" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const report = await startReport({
      workspaceId: ctx.workspace.id,
      role: ctx.role,
      actor: ctx.actor,
      requestedById: ctx.user.id,
    });
    revalidateWorkspace(ctx.workspace.slug);
    return report;
  });
