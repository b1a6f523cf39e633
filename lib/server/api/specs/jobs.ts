import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import { failedJobsQuerySchema } from "@/lib/validation/jobs";

export const failedJobSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe('job kind, e.g. "export-bundle" or "coverage-snapshot"'),
    label: z.string().describe("the kind for people"),
    subjectId: z.string().nullable().describe("the row the job was about, e.g. an export's id"),
    reason: z.string(),
    attempts: z.number().int(),
    failedAt: z.string().describe("ISO 8601"),
  })
  .meta({ id: "FailedJob" });

export const listFailedJobsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/jobs/failed",
  tag: "Background jobs",
  summary: "List failed background jobs",
  description:
    "The workspace's background jobs (exports, daily coverage snapshots, deletions of purged files) " +
    "that failed for good, after their retries, with the reason and time; newest first, at most `limit` (default 50).",
  permission: "job.read",
  query: failedJobsQuerySchema,
  response: z.object({ jobs: z.array(failedJobSchema) }).meta({ id: "FailedJobList" }),
});
