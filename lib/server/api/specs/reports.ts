import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import { reportIdSchema } from "@/lib/validation/reports";

const TAG = "Reports";

export const reportJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"]),
    requestedBy: z.string(),
    createdAt: z.string().describe("ISO 8601"),
    finishedAt: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable().describe("SHA-256 of the PDF"),
    error: z.string().nullable(),
  })
  .meta({ id: "ReportJob" });

export const startReportSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/reports",
  tag: TAG,
  summary: "Make a PDF report",
  description:
    "Queues a background job that renders the workspace's PDF report: headline coverage and rates, coverage by domain and by deployment model, the top gaps with reasons, coverage by external reference and an audit summary. Answers 202; poll GET /api/v1/reports/{reportId}, then download it.",
  permission: "report.read",
  response: reportJobSchema,
  successStatus: 202,
});

export const listReportsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/reports",
  tag: TAG,
  summary: "List PDF reports",
  description: "The workspace's reports, newest first (the newest ten finished ones are kept).",
  permission: "report.read",
  response: z.object({ reports: z.array(reportJobSchema) }).meta({ id: "ReportJobList" }),
});

export const getReportSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/reports/{reportId}",
  tag: TAG,
  summary: "Get a PDF report's status",
  description: "Another workspace's id answers 404.",
  permission: "report.read",
  params: reportIdSchema,
  response: reportJobSchema,
});

export const downloadReportSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/reports/{reportId}/download",
  tag: TAG,
  summary: "Download a PDF report",
  description:
    "The PDF itself (`application/pdf`; header `x-checksum-sha256` carries its SHA-256) once the report is DONE; 404 before that or for another workspace's id.",
  permission: "report.read",
  params: reportIdSchema,
  response: z.string(),
  download: { contentTypes: ["application/pdf"] },
});
