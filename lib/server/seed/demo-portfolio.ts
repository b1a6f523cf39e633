import "server-only";

import { db } from "@/lib/db/client";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { DEMO_WORKSPACE_SLUG } from "@/lib/server/seed/demo-workspace";
import { registerSystem } from "@/lib/server/systems/register-system";
import { createVendor } from "@/lib/server/vendors/create-vendor";
import { saveAssessmentAnswer } from "@/lib/server/vendors/save-assessment-answer";
import { systemFieldsSchema } from "@/lib/validation/systems";

const DAY = 24 * 60 * 60 * 1000;

const COLLEAGUES = [
  { name: "Priya Shah", email: "priya.shah@demo.example", role: "ADMIN" as const },
  { name: "Tomás Becker", email: "tomas.becker@demo.example", role: "EDITOR" as const },
  { name: "Lena Okafor", email: "lena.okafor@demo.example", role: "EDITOR" as const },
];

const VENDORS = [
  { name: "OpenAI", kind: "Model provider", website: "https://openai.com" },
  { name: "Microsoft", kind: "Cloud and productivity suite", website: "https://www.microsoft.com" },
  { name: "Amazon Web Services", kind: "Cloud platform", website: "https://aws.amazon.com" },
  { name: "Salesforce", kind: "CRM with embedded AI", website: "https://www.salesforce.com" },
  { name: "Anthropic", kind: "Model provider", website: "https://www.anthropic.com" },
  { name: "GitHub", kind: "Developer tools", website: "https://github.com" },
];

type DemoSystem = {
  name: string;
  description: string;
  primaryModel: string;
  additionalModels?: string[];
  variant?: string;
  vendor?: string;
  riskTier: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
  euAiActCategory: string;
  dataClassification: string;
  lifecycle: "PLANNED" | "PILOT" | "PRODUCTION";
  tags: string[];
};

// All eight deployment models of the AI SRM appear at least once.
const SYSTEMS: DemoSystem[] = [
  {
    name: "Website support chatbot",
    description: "Answers visitors' product questions on the public website.",
    primaryModel: "saas_ai",
    variant: "public_saas",
    vendor: "OpenAI",
    riskTier: "HIGH",
    euAiActCategory: "LIMITED_RISK",
    dataClassification: "PUBLIC",
    lifecycle: "PRODUCTION",
    tags: ["customer-facing"],
  },
  {
    name: "Enterprise chat workspace",
    description: "Company-wide chat assistant on a private enterprise tenant.",
    primaryModel: "saas_ai",
    variant: "private_saas",
    vendor: "OpenAI",
    riskTier: "MEDIUM",
    euAiActCategory: "MINIMAL_RISK",
    dataClassification: "CONFIDENTIAL",
    lifecycle: "PRODUCTION",
    tags: ["productivity"],
  },
  {
    name: "Internal policy assistant",
    description: "Answers staff questions from the policy handbook through a managed model API.",
    primaryModel: "paas_ai",
    vendor: "Microsoft",
    riskTier: "MEDIUM",
    euAiActCategory: "MINIMAL_RISK",
    dataClassification: "INTERNAL",
    lifecycle: "PRODUCTION",
    tags: ["hr", "rag"],
  },
  {
    name: "Contract summariser",
    description: "Summarises supplier contracts with a model hosted on a managed AI platform.",
    primaryModel: "paas_ai",
    vendor: "Amazon Web Services",
    riskTier: "LOW",
    euAiActCategory: "MINIMAL_RISK",
    dataClassification: "CONFIDENTIAL",
    lifecycle: "PILOT",
    tags: ["legal"],
  },
  {
    name: "Payment fraud scoring",
    description: "Custom model scoring card payments, deployed on rented GPU instances.",
    primaryModel: "iaas_ai",
    vendor: "Amazon Web Services",
    riskTier: "HIGH",
    euAiActCategory: "HIGH_RISK",
    dataClassification: "RESTRICTED",
    lifecycle: "PRODUCTION",
    tags: ["payments"],
  },
  {
    name: "Research LLM cluster",
    description: "Open-weight models run on our own GPU servers for R&D experiments.",
    primaryModel: "on_premises",
    riskTier: "MEDIUM",
    euAiActCategory: "NOT_ASSESSED",
    dataClassification: "INTERNAL",
    lifecycle: "PILOT",
    tags: ["research"],
  },
  {
    name: "CRM sales insights",
    description: "AI insights built into the CRM the sales team uses daily.",
    primaryModel: "embedded_ai",
    vendor: "Salesforce",
    riskTier: "MEDIUM",
    euAiActCategory: "LIMITED_RISK",
    dataClassification: "CONFIDENTIAL",
    lifecycle: "PRODUCTION",
    tags: ["sales"],
  },
  {
    name: "Office suite copilot",
    description: "Writing and meeting assistant embedded in the office suite.",
    primaryModel: "embedded_ai",
    vendor: "Microsoft",
    riskTier: "HIGH",
    euAiActCategory: "MINIMAL_RISK",
    dataClassification: "CONFIDENTIAL",
    lifecycle: "PRODUCTION",
    tags: ["productivity"],
  },
  {
    name: "Customer-service agent",
    description: "Agent that reads tickets, looks up orders and issues refunds through tools.",
    primaryModel: "agentic_ai",
    additionalModels: ["paas_ai"],
    vendor: "Anthropic",
    riskTier: "CRITICAL",
    euAiActCategory: "LIMITED_RISK",
    dataClassification: "CONFIDENTIAL",
    lifecycle: "PILOT",
    tags: ["agents", "customer-facing"],
  },
  {
    name: "Developer coding assistant",
    description: "Code completion and chat in the engineers' editors.",
    primaryModel: "ai_coding",
    vendor: "GitHub",
    riskTier: "MEDIUM",
    euAiActCategory: "MINIMAL_RISK",
    dataClassification: "CONFIDENTIAL",
    lifecycle: "PRODUCTION",
    tags: ["engineering"],
  },
  {
    name: "MCP knowledge hub",
    description:
      "Model Context Protocol servers giving assistants access to the wiki and ticket system.",
    primaryModel: "mcp_systems",
    riskTier: "HIGH",
    euAiActCategory: "NOT_ASSESSED",
    dataClassification: "INTERNAL",
    lifecycle: "PILOT",
    tags: ["mcp", "integration"],
  },
  {
    name: "Claims triage agent",
    description: "Planned agent that routes insurance claims and drafts replies.",
    primaryModel: "agentic_ai",
    riskTier: "CRITICAL",
    euAiActCategory: "HIGH_RISK",
    dataClassification: "RESTRICTED",
    lifecycle: "PLANNED",
    tags: ["agents"],
  },
];

/**
 * The demo workspace's portfolio, so a newcomer sees a living workspace: a dozen AI systems over
 * all eight deployment models, six vendors (two assessed), three colleagues, and owners, statuses
 * and due dates on about half of the customer duties. Idempotent: does nothing once the demo
 * workspace has any system. Demo colleagues have no password and cannot sign in.
 */
export async function seedDemoPortfolio(): Promise<string[]> {
  const workspace = await db.workspace.findUnique({
    where: { slug: DEMO_WORKSPACE_SLUG },
    select: { id: true },
  });
  if (!workspace) return [];
  if ((await db.aiSystem.count({ where: { workspaceId: workspace.id } })) > 0)
    return ["demo portfolio: already present"];
  const version = await db.frameworkVersion.findFirst({
    where: { framework: { key: "ai-security-srm", scopeKey: "builtin" } },
    orderBy: { publishedAt: "desc" },
    select: { id: true },
  });
  if (!version) return ["demo portfolio: skipped (AI SRM framework missing)"];
  const workspaceId = workspace.id;
  const actor = SYSTEM_ACTOR;

  const people: string[] = [];
  for (const colleague of COLLEAGUES) {
    const user = await db.user.upsert({
      where: { email: colleague.email },
      update: {},
      create: { email: colleague.email, name: colleague.name },
    });
    await db.membership.upsert({
      where: { workspaceId_userId: { workspaceId, userId: user.id } },
      update: {},
      create: { workspaceId, userId: user.id, role: colleague.role },
    });
    people.push(user.id);
  }
  const owner = await db.membership.findFirst({
    where: { workspaceId, role: "OWNER" },
    select: { userId: true },
  });
  if (owner) people.unshift(owner.userId);

  const vendorIds = new Map<string, string>();
  for (const vendor of VENDORS) {
    const created = await createVendor({
      workspaceId,
      actor,
      fields: { ...vendor, contactName: null, contactEmail: null, notes: null },
    });
    vendorIds.set(vendor.name, created.id);
  }
  for (const [vendor, status] of [
    ["OpenAI", "SATISFACTORY"],
    ["Anthropic", "IN_REVIEW"],
  ] as const) {
    for (const topicKey of ["data_privacy", "guardrails", "agent_security"] as const) {
      await saveAssessmentAnswer({
        workspaceId,
        actor,
        input: {
          vendorId: vendorIds.get(vendor)!,
          topicKey,
          answer: "Reviewed the vendor's trust centre and contract terms.",
          status,
          reviewerId: people[1] ?? null,
        },
      });
    }
  }

  const now = Date.now();
  for (const [index, system] of SYSTEMS.entries()) {
    const created = await registerSystem({
      workspaceId,
      actor,
      fields: systemFieldsSchema.parse({
        ...system,
        frameworkVersionId: version.id,
        vendorId: system.vendor ? vendorIds.get(system.vendor) : null,
        businessOwnerId: people[index % people.length] ?? null,
      }),
    });
    const parts = await db.duty.findMany({
      where: { workspaceId, systemId: created.id, side: "CUSTOMER" },
      orderBy: { domainKey: "asc" },
      select: { id: true },
    });
    // Every other customer duty gets an owner; statuses and due dates spread over the groups of
    // My duties (overdue, this week, later, none).
    for (const [n, part] of parts.entries()) {
      if (n % 2 === 1) continue;
      const step = (index + n) % 4;
      await db.duty.updateMany({
        where: { id: part.id, workspaceId },
        data: {
          ownerId: people[(index + n) % people.length] ?? null,
          status: step === 0 ? "IMPLEMENTED" : step === 1 ? "IN_PROGRESS" : "NOT_STARTED",
          dueDate: step === 3 ? null : new Date(now + (step * 20 - 10) * DAY),
        },
      });
    }
  }
  const accepted = await db.duty.findFirst({
    where: { workspaceId, side: "CUSTOMER", ownerId: null },
    select: { id: true, responsibilityId: true, systemId: true, domainKey: true, side: true },
  });
  if (accepted && owner) {
    const justification =
      "Compensating control: the system only sees public data until the next release.";
    const approverId = people[1] ?? owner.userId;
    const endsAt = new Date(now + 90 * DAY);
    await db.duty.updateMany({
      where: { id: accepted.id, workspaceId },
      data: {
        status: "RISK_ACCEPTED",
        justification,
        riskApproverId: approverId,
        riskAcceptanceExpiresAt: endsAt,
        ownerId: owner.userId,
      },
    });
    // The approval that stands behind it, as the app would have recorded it (issue 16).
    await db.approvalRequest.create({
      data: {
        workspaceId,
        kind: "RISK_ACCEPTANCE",
        dutyId: accepted.id,
        responsibilityId: accepted.responsibilityId,
        systemId: accepted.systemId,
        domainKey: accepted.domainKey,
        side: accepted.side,
        justification,
        requestedById: owner.userId,
        approverId,
        endsAt,
        status: "APPROVED",
        decidedById: approverId,
        decidedAt: new Date(now),
        decisionComment: "Demo data: accepted until the next release.",
      },
    });
  }
  return [`demo portfolio: ${SYSTEMS.length} AI systems, ${VENDORS.length} vendors`];
}
