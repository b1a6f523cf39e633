import { apiRoute } from "@/lib/server/api/route";
import { listFailedJobsSpec } from "@/lib/server/api/specs/jobs";
import { listFailedJobs } from "@/lib/server/jobs/list-failed-jobs";

export const GET = apiRoute(listFailedJobsSpec, async ({ workspace, query }) => ({
  jobs: await listFailedJobs({ workspaceId: workspace.id, limit: query?.limit }),
}));
