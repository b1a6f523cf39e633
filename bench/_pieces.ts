import { performance } from "node:perf_hooks";
async function main() {
  const { db } = await import("@/lib/db/client");
  const cov = await import("@/lib/server/coverage/get-coverage");
  const { getGapList } = await import("@/lib/server/coverage/get-gap-list");
  const { loadHeatmap } = await import("@/lib/server/dashboard/load-heatmap");
  const { getTrend } = await import("@/lib/server/coverage/get-trend");
  const { listEvidence } = await import("@/lib/server/evidence/list-evidence");
  const { loadCoverageLabels } = await import("@/lib/server/dashboard/coverage-labels");
  const ws = (await db.workspace.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).id;
  const now = new Date();
  const pieces: Record<string, () => Promise<unknown>> = {
    labels: () => loadCoverageLabels(ws),
    summary: () => cov.getCoverage({ workspaceId: ws, now }),
    byDomain: () => cov.getCoverageBy({ workspaceId: ws, now, groupBy: "domain" }),
    byModel: () => cov.getCoverageBy({ workspaceId: ws, now, groupBy: "deploymentModel" }),
    byOwner: () => cov.getCoverageBy({ workspaceId: ws, now, groupBy: "owner" }),
    heatmap: () => loadHeatmap({ workspaceId: ws, now, limit: 12 }),
    trend: () => getTrend({ workspaceId: ws, now, days: 90 }),
    gaps: () => getGapList({ workspaceId: ws, now, limit: 8 }),
    expiring: () =>
      listEvidence({
        workspaceId: ws,
        now,
        query: { state: ["expiring_soon"], page: 1, pageSize: 5 },
      } as never),
  };
  for (let r = 0; r < 3; r++) {
    const line: string[] = [];
    for (const [k, f] of Object.entries(pieces)) {
      const t = performance.now();
      await f();
      line.push(`${k} ${(performance.now() - t).toFixed(0)}`);
    }
    console.log(line.join(" | "));
  }
  await db.$disconnect();
}
main();
