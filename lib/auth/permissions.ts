/**
 * The one flat `resource.action` → roles map (docs/architecture.md, "Which way data flows"). Every action, route handler and UI
 * affordance asks `can(role, permission)`; nothing compares role names directly. Unknown roles and
 * unknown permissions are denied, so a typo or a stale token role fails closed.
 *
 * Decisions:
 * - AUDITOR reads everything (audit log and API-token metadata included) and creates/downloads
 *   exports, but changes nothing.
 * - VIEWER reads working data (workspace, members, frameworks, systems, responsibilities, vendors,
 *   evidence, coverage) but not the audit log, API tokens or exports: the bundle contains the audit
 *   log and every evidence file at once, which is an auditor's or admin's need, not a reader's.
 * - EDITOR does the daily work: systems, responsibilities (owner, status, due date, links), evidence
 *   (create, update, soft delete) and vendors. Like VIEWER it cannot read the audit log or export.
 * - Removing an override of a domain's derived value (responsibility.override) is EDITOR+ work:
 *   it goes back to the framework's value. Setting one is an approval request (issue 16).
 * - Waiving a duty (risk acceptance, not applicable) or overriding a domain's matrix value is a
 *   request an EDITOR+ makes (approval.request) naming an approver; deciding it (approval.decide)
 *   needs ADMIN, and the services also refuse the requester deciding their own request, whatever
 *   their role. Everyone reads the approvals (approval.read), as they read the duties.
 * - Evidence review and purge need ADMIN; so do members (invite, role, removal, deactivation),
 *   tokens, framework import, crosswalk import and workspace settings.
 * - Crosswalks to external standards are reference data like frameworks: everyone reads them.
 * - The PDF report (report.read: make, list and download it) carries an audit summary, so it
 *   follows the audit log and exports (OWNER, ADMIN, AUDITOR); making one changes no workspace data.
 * - Anyone who may export cancels their own export; cancelling another member's needs
 *   export.cancelAny (ADMIN), so an AUDITOR cannot stop an admin's bundle.
 * - Action plans are daily work like duties: everyone reads them, EDITOR+ creates, edits, adds or
 *   removes parts and closes them (closing always carries a note and is audited).
 * - Comments: everyone reads the threads; EDITOR+ writes. An AUDITOR changes nothing, comments
 *   included. A comment is edited only by its author; deleted by its author or, with
 *   comment.deleteAny, by an OWNER or ADMIN (moderation), never silently: the deletion is audited.
 * - The workspace's failed background jobs (job.read) are an administrator's worry: reasons name
 *   exports and purged evidence, and acting on them is an admin's job.
 * - Every member has an inbox (notification.read): the services only ever touch the asking
 *   person's own notifications of the workspace, so the permission is the same for every role.
 * - OWNER alone deletes the workspace and transfers ownership. Who may grant which role (an ADMIN
 *   cannot create an OWNER) is `canAssignRole`, checked by the member/token services.
 * - The roles nest: VIEWER ⊂ EDITOR, VIEWER ⊂ AUDITOR, EDITOR ∪ AUDITOR ⊂ ADMIN ⊂ OWNER. A token
 *   acts only while its creator holds every permission of its role, which relies on that.
 */

export const ROLES = ["OWNER", "ADMIN", "EDITOR", "AUDITOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const READERS: readonly Role[] = ALL;
const EDITORS: readonly Role[] = ["OWNER", "ADMIN", "EDITOR"];
const ADMINS: readonly Role[] = ["OWNER", "ADMIN"];
const OVERSIGHT: readonly Role[] = ["OWNER", "ADMIN", "AUDITOR"];
const OWNER_ONLY: readonly Role[] = ["OWNER"];

const PERMISSION_MAP = {
  "workspace.read": READERS,
  "workspace.update": ADMINS,
  "workspace.delete": OWNER_ONLY,
  "workspace.transferOwnership": OWNER_ONLY,

  "member.read": READERS,
  "member.invite": ADMINS,
  "member.updateRole": ADMINS,
  "member.remove": ADMINS,
  "member.deactivate": ADMINS,

  "token.read": OVERSIGHT,
  "token.create": ADMINS,
  "token.revoke": ADMINS,

  "audit.read": OVERSIGHT,

  "framework.read": READERS,
  "framework.import": ADMINS,

  "crosswalk.read": READERS,
  "crosswalk.import": ADMINS,

  "system.read": READERS,
  "system.create": EDITORS,
  "system.update": EDITORS,
  "system.archive": EDITORS,

  "responsibility.read": READERS,
  "responsibility.update": EDITORS,
  "responsibility.override": EDITORS,

  "approval.read": READERS,
  "approval.request": EDITORS,
  "approval.decide": ADMINS,

  "vendor.read": READERS,
  "vendor.create": EDITORS,
  "vendor.update": EDITORS,

  // Provider statements: publishing one speaks for the workspace to outsiders, importing one
  // writes attestations that cover duties; both are daily editor work, reviewed in the audit log.
  "statement.read": READERS,
  "statement.publish": EDITORS,
  "statement.import": EDITORS,

  "evidence.read": READERS,
  "evidence.create": EDITORS,
  "evidence.update": EDITORS,
  "evidence.review": ADMINS,
  "evidence.delete": EDITORS,
  "evidence.purge": ADMINS,

  "coverage.read": READERS,

  "plan.read": READERS,
  "plan.create": EDITORS,
  "plan.update": EDITORS,

  "comment.read": READERS,
  "comment.create": EDITORS,
  "comment.deleteAny": ADMINS,

  // The PDF report carries an audit summary, so it follows the audit log and exports.
  "report.read": OVERSIGHT,

  "export.create": OVERSIGHT,
  "export.read": OVERSIGHT,
  "export.download": OVERSIGHT,
  // Cancelling someone else's export (one's own needs only export.create).
  "export.cancelAny": ADMINS,

  "job.read": ADMINS,

  // One's own inbox: every member reads and marks their own notifications (never anyone else's).
  "notification.read": READERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSION_MAP;
export const PERMISSIONS = Object.keys(PERMISSION_MAP) as Permission[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && Object.hasOwn(PERMISSION_MAP, value);
}

/**
 * Whether `role` holds `permission`. Takes plain strings at run time (roles come from the database
 * and tokens; permissions may come from untyped callers), and denies anything it does not know.
 */
export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!isRole(role) || !isPermission(permission)) return false;
  const allowed: readonly Role[] = PERMISSION_MAP[permission];
  return allowed.includes(role);
}

/** All permissions of a role (for UI menus and API-token scopes); empty for unknown roles. */
export function permissionsFor(role: string | null | undefined): Permission[] {
  return PERMISSIONS.filter((permission) => can(role, permission));
}

/**
 * Administrative rank, used only for "may this actor grant/change that role": OWNER > ADMIN > the
 * rest. EDITOR, AUDITOR and VIEWER are not ordered against each other (AUDITOR reads more than an
 * EDITOR but writes nothing), so they share a rank; never use this for feature checks, use `can`.
 */
const ADMIN_RANK: Record<Role, number> = { OWNER: 2, ADMIN: 1, EDITOR: 0, AUDITOR: 0, VIEWER: 0 };

/** True when `role` is at least `minimum` in the administrative rank; unknown roles are false. */
export function roleAtLeast(role: string | null | undefined, minimum: Role): boolean {
  return isRole(role) && ADMIN_RANK[role] >= ADMIN_RANK[minimum];
}

/**
 * Whether `actor` may give a member or API token the role `target`. Nobody grants OWNER this way:
 * ownership moves only through `workspace.transferOwnership`. OWNER and ADMIN may grant the other
 * roles. Services must also call this with the member's CURRENT role, so an ADMIN cannot demote or
 * remove the OWNER.
 */
export function canAssignRole(actor: string | null | undefined, target: string): boolean {
  if (!isRole(actor) || !isRole(target) || target === "OWNER") return false;
  return actor === "OWNER" || actor === "ADMIN";
}
