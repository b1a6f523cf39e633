import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import {
  APPROVAL_KINDS,
  APPROVAL_STATUSES,
  approvalListQuerySchema,
  approvalSettingsSchema,
  approveApprovalSchema,
  createApprovalSchema,
  rejectApprovalSchema,
} from "@/lib/validation/approvals";
import { idSchema } from "@/lib/validation/systems";

const TAG = "Approvals";

export const approvalSchema = z
  .object({
    id: z.string(),
    kind: z.enum(APPROVAL_KINDS),
    status: z.enum(APPROVAL_STATUSES),
    dutyId: z.string().nullable(),
    responsibilityId: z.string(),
    systemId: z.string(),
    systemName: z.string(),
    domainKey: z.string(),
    side: z.enum(["CUSTOMER", "PROVIDER"]).nullable(),
    proposedValue: z.enum(["P", "C", "S", "NA"]).nullable(),
    justification: z.string(),
    requestedById: z.string(),
    requestedByName: z.string(),
    viaToken: z.boolean(),
    approverId: z.string(),
    approverName: z.string(),
    endsAt: z.string(),
    decidedById: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decisionComment: z.string().nullable(),
    decidedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    endReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ApprovalRequest" });

const approvalParams = z.object({ approvalId: idSchema });
const decisionResponse = z.object({ id: z.string(), status: z.enum(APPROVAL_STATUSES) });

export const listApprovalsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/approvals",
  tag: TAG,
  summary: "List approval requests",
  description:
    "Newest first. `status` filters; `mine=approver` lists those naming the token's creator as approver, `mine=requester` those the creator asked for, `mine=decider` those the creator decided; `dutyId`, `responsibilityId` or `systemId` gives one duty's, domain's or system's history.",
  permission: "approval.read",
  query: approvalListQuerySchema,
  response: z.object({ approvals: z.array(approvalSchema) }),
});

export const createApprovalSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/approvals",
  tag: TAG,
  summary: "Request a risk acceptance, an exception or an override",
  description:
    "The only way to make a duty RISK_ACCEPTED or NOT_APPLICABLE, or to set a domain's matrix value (PATCH on the duty and POST …/override refuse it). `kind` RISK_ACCEPTANCE or NOT_APPLICABLE with `dutyId`, or OVERRIDE with `responsibilityId` and `proposedValue`; `approverId` an active ADMIN or OWNER other than the token's creator; `endsAt` (YYYY-MM-DD) after today and within the workspace's maximum (default 12 months). Nothing changes on the duty until the approver approves: it stays a gap. 409 when a request of the same kind for the same duty is already pending.",
  permission: "approval.request",
  body: createApprovalSchema,
  response: decisionResponse,
  successStatus: 201,
});

export const approveApprovalSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/approvals/{approvalId}/approve",
  tag: TAG,
  summary: "Approve a request",
  description:
    "By the named approver or another ADMIN or OWNER, never by the requester (403, also through the requester's own token). Applies the change in the same transaction: RISK_ACCEPTED with the decider as approver and `endsAt` as expiry, NOT_APPLICABLE, or the override. `comment` is optional; an override that removes a side with work answers 409 with `error.details.loss` unless `confirmLoss` is its hash. 409 when the request is no longer pending.",
  permission: "approval.decide",
  params: approvalParams,
  body: approveApprovalSchema.omit({ approvalId: true }),
  response: decisionResponse,
});

export const rejectApprovalSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/approvals/{approvalId}/reject",
  tag: TAG,
  summary: "Reject a request",
  description:
    "Same deciders as approve; `comment` (why) is required. The duty stays as it is; the requester is notified.",
  permission: "approval.decide",
  params: approvalParams,
  body: rejectApprovalSchema.omit({ approvalId: true }),
  response: decisionResponse,
});

export const cancelApprovalSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/approvals/{approvalId}/cancel",
  tag: TAG,
  summary: "Cancel a pending request",
  description:
    "By its requester (the token's creator) or an ADMIN or OWNER. 409 when it was already decided.",
  permission: "approval.request",
  params: approvalParams,
  response: decisionResponse,
});

export const updateApprovalSettingsSpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/workspace/approval-settings",
  tag: "Workspace",
  summary: "Set the longest an approval may run",
  description:
    "`maxApprovalMonths` from 1 to 36 (default 12): the latest end date a new request may ask for. Requests already made keep theirs.",
  permission: "workspace.update",
  body: approvalSettingsSchema,
  response: z.object({ changed: z.boolean(), maxApprovalMonths: z.number() }),
});
