// Shared helpers of the frameworks-*.test.ts files: unique workspaces and a small custom framework.
import { randomBytes } from "node:crypto";

import { stringify } from "yaml";

import { db } from "@/lib/db/client";
import type { FrameworkDefinitionInput } from "@/lib/frameworks/schema";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function createWorkspace(prefix = "ws") {
  const slug = uniqueSlug(prefix);
  return db.workspace.create({
    data: { slug, name: `Workspace ${slug}` },
    select: { id: true, slug: true },
  });
}

export function adminTarget(workspaceId: string, role = "ADMIN") {
  const actor: AuditActor = { type: "USER", id: null, label: "test admin" };
  return { workspaceId, role, actor };
}

/** A 2 × 2 framework in the app's format; pass overrides to vary it. */
export function smallDefinition(
  overrides: Partial<FrameworkDefinitionInput> = {},
): FrameworkDefinitionInput {
  return {
    format: "ai-srm-framework/1",
    key: "acme-ai-controls",
    name: "Acme AI controls",
    publisher: "Acme Security Team",
    license: { name: "Internal use" },
    source: { url: "https://example.com/acme-ai-controls" },
    version: "1.0.0",
    description: "A small in-house responsibility model used by the tests.",
    scale: [
      { code: "P", label: "Provider", description: "The provider holds it.", side: "provider" },
      { code: "C", label: "Customer", description: "We hold it.", side: "customer" },
      { code: "S", label: "Shared", description: "Both hold part.", side: "both" },
      { code: "NA", label: "Not applicable", description: "Does not arise.", side: "none" },
    ],
    columns: [
      {
        key: "hosted",
        name: "Hosted model",
        group: "cloud",
        description: "A vendor hosts it.",
        examples: ["Vendor API"],
      },
      {
        key: "self_run",
        name: "Self-run model",
        group: "own",
        description: "We run it.",
        examples: [],
      },
    ],
    rows: [
      {
        key: "access_control",
        name: "Access control",
        category: "traditional",
        focus: "Who may use the model",
        keyControls: ["Single sign-on"],
        considerations: ["Service accounts"],
      },
      {
        key: "prompt_safety",
        name: "Prompt safety",
        category: "ai_specific",
        focus: "What reaches the model",
        keyControls: ["Input filters"],
        considerations: ["Indirect injection"],
      },
    ],
    cells: [
      { row: "access_control", column: "hosted", value: "S", rationale: "Both configure it." },
      { row: "access_control", column: "self_run", value: "C" },
      { row: "prompt_safety", column: "hosted", value: "P", critical: true },
      { row: "prompt_safety", column: "self_run", value: "C" },
    ],
    ...overrides,
  };
}

export function asYaml(value: unknown): string {
  return stringify(value);
}

export async function catalogCounts() {
  const [frameworks, versions, auditEvents] = await Promise.all([
    db.framework.count(),
    db.frameworkVersion.count(),
    db.auditEvent.count(),
  ]);
  return { frameworks, versions, auditEvents };
}
