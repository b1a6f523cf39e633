/**
 * API parity: everything a member can do in the app has a REST operation in the OpenAPI document
 * (docs/api.md, "Parity with the app"). Two tables, checked by tests/unit/api-parity.test.ts:
 * every export of every "use server" module, and every route handler the app's pages call,
 * mapped to the operation that does the same, or marked UI-only with the reason. A new action
 * or page route fails that test until it has a line here, and a line's operation must exist.
 */

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ApiOperation = `${Method} /api/v1${string}`;
export type ParityEntry = ApiOperation | { uiOnly: string };

// The few reasons an action has no REST operation. A workspace token is not a person: it belongs
// to one workspace, acts with a role below OWNER, and has no session, password or membership.
const PERSON_SESSION =
  "signs a person in or out, or creates their account: the API authenticates workspace tokens, not people";
const PERSON_ACCOUNT =
  "changes the signed-in person's own account (password, sessions, SSO), which no workspace token owns";
const OWNER_ONLY =
  "OWNER only, and a token never holds OWNER, so no token could be allowed to call it";

/** Server action (export name) → its REST operation, or why it has none. */
export const ACTION_ROUTES: Record<string, ParityEntry> = {
  // Identity and the person's own account
  signInAction: { uiOnly: PERSON_SESSION },
  signUpAction: { uiOnly: PERSON_SESSION },
  signOutAction: { uiOnly: PERSON_SESSION },
  acceptInvitationAction: { uiOnly: PERSON_SESSION },
  acceptInvitationWithSignUpAction: { uiOnly: PERSON_SESSION },
  changePasswordAction: { uiOnly: PERSON_ACCOUNT },
  endSessionAction: { uiOnly: PERSON_ACCOUNT },
  signOutEverywhereAction: { uiOnly: PERSON_ACCOUNT },
  startSsoLinkAction: { uiOnly: PERSON_ACCOUNT },
  updateNotificationPreferencesAction: { uiOnly: PERSON_ACCOUNT },

  // The member's own inbox (the token's creator's, through the API)
  markNotificationReadAction: "POST /api/v1/notifications/{notificationId}/read",
  markAllNotificationsReadAction: "POST /api/v1/notifications/read-all",
  createWorkspaceAction: {
    uiOnly:
      "makes the signed-in person the owner of a new workspace; a token belongs to one workspace",
  },

  // Workspace settings, members, tokens
  renameWorkspaceAction: "PATCH /api/v1/workspace",
  updateApprovalSettingsAction: "PATCH /api/v1/workspace/approval-settings",
  deleteWorkspaceAction: { uiOnly: OWNER_ONLY },
  transferOwnershipAction: { uiOnly: OWNER_ONLY },
  leaveWorkspaceAction: {
    uiOnly:
      "a person leaves by their own hand; a token is no member (revoke it: DELETE /api/v1/tokens/{tokenId})",
  },
  inviteMemberAction: "POST /api/v1/invitations",
  revokeInvitationAction: "DELETE /api/v1/invitations/{invitationId}",
  changeMemberRoleAction: "PATCH /api/v1/members/{membershipId}",
  removeMemberAction: "DELETE /api/v1/members/{membershipId}",
  setMemberActiveAction: "PUT /api/v1/members/{membershipId}/active",
  createApiTokenAction: {
    uiOnly:
      "a token that could mint tokens would let a leaked secret outlive its own revocation; people create tokens",
  },
  revokeApiTokenAction: "DELETE /api/v1/tokens/{tokenId}",

  // Frameworks
  previewFrameworkImportAction: "POST /api/v1/frameworks/preview",
  importFrameworkAction: "POST /api/v1/frameworks",

  // AI systems
  registerSystemAction: "POST /api/v1/systems",
  updateSystemAction: "PATCH /api/v1/systems/{systemId}",
  previewRederivationAction: "POST /api/v1/systems/{systemId}/rederivation-preview",
  archiveSystemAction: "POST /api/v1/systems/{systemId}/archive",
  restoreSystemAction: "POST /api/v1/systems/{systemId}/archive",
  importSystemsAction: "POST /api/v1/systems/import",

  // Responsibilities and duties
  overrideResponsibilityAction: "POST /api/v1/responsibilities/{responsibilityId}/override",
  updateDutyAction: "PATCH /api/v1/duties/{dutyId}",
  bulkAssignOwnerAction: "POST /api/v1/responsibilities/bulk-owner",
  bulkSetDueDateAction: "POST /api/v1/responsibilities/bulk-due-date",

  // Approvals
  requestApprovalAction: "POST /api/v1/approvals",
  approveApprovalAction: "POST /api/v1/approvals/{approvalId}/approve",
  rejectApprovalAction: "POST /api/v1/approvals/{approvalId}/reject",
  cancelApprovalAction: "POST /api/v1/approvals/{approvalId}/cancel",

  // Vendors
  createVendorAction: "POST /api/v1/vendors",
  updateVendorAction: "PATCH /api/v1/vendors/{vendorId}",
  deleteVendorAction: "DELETE /api/v1/vendors/{vendorId}",
  linkVendorSystemsAction: "POST /api/v1/vendors/{vendorId}/systems",
  unlinkVendorSystemAction: "DELETE /api/v1/vendors/{vendorId}/systems/{systemId}",
  saveAssessmentAnswerAction: "PUT /api/v1/vendors/{vendorId}/assessment/{topicKey}",

  // Provider statements
  createStatementAction: "POST /api/v1/statements",
  updateStatementDraftAction: "PUT /api/v1/statements/{statementId}/draft",
  publishStatementAction: "POST /api/v1/statements/{statementId}/versions",
  setStatementVisibilityAction: "PUT /api/v1/statements/{statementId}/visibility",
  revokeStatementAction: "POST /api/v1/statements/{statementId}/revoke",
  importStatementAction: "POST /api/v1/vendors/{vendorId}/statements",
  decideReviewItemAction: "PUT /api/v1/statement-review-items/{itemId}",

  // Evidence
  createEvidenceAction: "POST /api/v1/evidence",
  linkEvidenceAction: "PUT /api/v1/evidence/{evidenceId}/duties/{dutyId}",
  unlinkEvidenceAction: "DELETE /api/v1/evidence/{evidenceId}/duties/{dutyId}",
  reviewEvidenceAction: "POST /api/v1/evidence/{evidenceId}/review",
  deleteEvidenceAction: "DELETE /api/v1/evidence/{evidenceId}",
  purgeEvidenceAction: "POST /api/v1/evidence/{evidenceId}/purge",

  // Coverage, exports, reports
  getCoverageAction: "GET /api/v1/coverage",
  listGapsAction: "GET /api/v1/gaps",
  startExportAction: "POST /api/v1/exports",
  cancelExportAction: "POST /api/v1/exports/{exportId}/cancel",
  startReportAction: "POST /api/v1/reports",

  // Action plans and comments
  createPlanAction: "POST /api/v1/plans",
  updatePlanAction: "PATCH /api/v1/plans/{planId}",
  addPlanDutiesAction: "POST /api/v1/plans/{planId}/duties",
  removePlanDutiesAction: "DELETE /api/v1/plans/{planId}/duties/{dutyId}",
  closePlanAction: "POST /api/v1/plans/{planId}/close",
  createCommentAction: "POST /api/v1/comments",
  updateCommentAction: "PATCH /api/v1/comments/{commentId}",
  deleteCommentAction: "DELETE /api/v1/comments/{commentId}",
};

/**
 * Route handler outside /api/v1 ("METHOD /path" under app/, route groups left out) → its REST
 * operation. These are the pages' downloads and the data their client components poll.
 */
export const UI_ROUTE_HANDLER_ROUTES: Record<string, ParityEntry> = {
  "GET /w/[workspaceSlug]/audit/download": "GET /api/v1/audit-log",
  "GET /w/[workspaceSlug]/evidence/[evidenceId]/download":
    "GET /api/v1/evidence/{evidenceId}/download",
  "GET /w/[workspaceSlug]/exports/[exportId]/download": "GET /api/v1/exports/{exportId}/download",
  "GET /w/[workspaceSlug]/exports/status": "GET /api/v1/exports",
  "GET /w/[workspaceSlug]/gaps/data": "GET /api/v1/gaps",
  "GET /w/[workspaceSlug]/gaps/export": "GET /api/v1/gaps/export",
  "GET /w/[workspaceSlug]/plans/export": "GET /api/v1/plans/export",
  "GET /w/[workspaceSlug]/reports/[reportId]/download": "GET /api/v1/reports/{reportId}/download",
  "GET /w/[workspaceSlug]/reports/status": "GET /api/v1/reports",
  "GET /w/[workspaceSlug]/duties/export": "GET /api/v1/duties/export",
  "GET /w/[workspaceSlug]/standards/export": "GET /api/v1/coverage/references/export",
  "GET /w/[workspaceSlug]/systems/export": "GET /api/v1/systems/export",
  "GET /w/[workspaceSlug]/systems/template": "GET /api/v1/systems/import/template",
  "GET /api/workspaces/[workspaceSlug]/evidence": "GET /api/v1/evidence",
  "POST /api/workspaces/[workspaceSlug]/evidence/files": "POST /api/v1/evidence/files",
  // The reuse picker's steps: the systems, then one system's duties.
  "GET /api/workspaces/[workspaceSlug]/evidence/duty-options": "GET /api/v1/duties",
};

/** Route handlers that are not a member's action at all (sign-in machinery, probes). */
export const NOT_MEMBER_ROUTE_HANDLERS: Record<string, string> = {
  "GET /api/auth/[...nextauth]": "Auth.js's own sign-in endpoints",
  "POST /api/auth/[...nextauth]": "Auth.js's own sign-in endpoints",
  "GET /api/health": "liveness probe for the orchestrator",
  "GET /api/ready": "readiness probe for the orchestrator",
  "GET /statements/[token]/statement.json":
    "a published provider statement behind its share link: no member asks, the token is the key",
  "GET /statements/[token]/component-definition.json":
    "a published provider statement behind its share link, as OSCAL: the token is the key",
};
