// Shared builders of the systems-, responsibilities-, vendors- and csv-*.test.ts files: a workspace
// with a member of every role, the built-in frameworks, and systems registered through the service.
import { db } from "@/lib/db/client";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";
import { registerSystem } from "@/lib/server/systems/register-system";
import { type SystemFieldsInput, systemFieldsSchema } from "@/lib/validation/systems";

import { memberWithRole, signedUpOwner } from "../support/identity-fixtures";

export async function ensureFrameworks() {
  if ((await db.framework.count()) === 0) await seedBuiltInFrameworks();
}

export async function versionIdOf(key: string, version?: string): Promise<string> {
  const row = await db.frameworkVersion.findFirstOrThrow({
    where: { framework: { key, scopeKey: "builtin" }, ...(version ? { version } : {}) },
    orderBy: { publishedAt: "desc" },
    select: { id: true },
  });
  return row.id;
}

export const actorOf = (user: { id: string; email: string }): AuditActor => ({
  type: "USER",
  id: user.id,
  label: user.email,
});

/** A signed-up OWNER plus one member of every other role. */
export async function workspaceWithRoles(label: string) {
  const owner = await signedUpOwner(label, `${label} Secret Name`);
  const workspaceId = owner.workspace.id;
  const [admin, editor, auditor, viewer] = await Promise.all([
    memberWithRole(workspaceId, "ADMIN", `${label}-admin`),
    memberWithRole(workspaceId, "EDITOR", `${label}-editor`),
    memberWithRole(workspaceId, "AUDITOR", `${label}-auditor`),
    memberWithRole(workspaceId, "VIEWER", `${label}-viewer`),
  ]);
  return {
    workspace: owner.workspace,
    owner: owner.user,
    admin: admin.user,
    editor: editor.user,
    auditor: auditor.user,
    viewer: viewer.user,
    actor: actorOf(owner.user),
  };
}

export async function registerTestSystem(
  workspace: { id: string },
  actor: AuditActor,
  fields: Partial<SystemFieldsInput> & { primaryModel: string },
) {
  const frameworkVersionId = fields.frameworkVersionId ?? (await versionIdOf("ai-security-srm"));
  return registerSystem({
    workspaceId: workspace.id,
    actor,
    fields: systemFieldsSchema.parse({
      name: `System ${fields.primaryModel}`,
      ...fields,
      frameworkVersionId,
    }),
  });
}

/** Every row the registry code may change in a workspace, for "nothing changed" checks. */
export async function registrySnapshot(workspaceId: string) {
  const [systems, responsibilities, parts, vendors, answers, auditEvents] = await Promise.all([
    db.aiSystem.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.responsibility.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.duty.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.vendor.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.vendorAssessmentAnswer.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { workspaceId } }),
  ]);
  return { systems, responsibilities, parts, vendors, answers, auditEvents };
}
