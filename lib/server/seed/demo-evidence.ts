import "server-only";

import { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { reviewEvidence } from "@/lib/server/evidence/review-evidence";
import { uploadFileEvidence } from "@/lib/server/evidence/upload-file-evidence";
import { DEMO_WORKSPACE_SLUG } from "@/lib/server/seed/demo-workspace";
import type { AttestationType } from "@/lib/validation/evidence";

const DAY = 24 * 60 * 60 * 1000;

type Generated = { fileName: string; bytes: Buffer };

/** A small, valid one-page PDF whose text is `lines` (offsets computed, so readers accept it). */
export function demoPdf(fileName: string, lines: string[]): Generated {
  const escape = (text: string) =>
    text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, "-");
  const text = lines
    .map(
      (line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${760 - i * 22} Td (${escape(line)}) Tj ET`,
    )
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { fileName, bytes: Buffer.from(body, "latin1") };
}

const textFile = (fileName: string, text: string): Generated => ({
  fileName,
  bytes: Buffer.from(text, "utf8"),
});

type Target = { domains: string[]; limit: number };

type DemoItem = {
  title: string;
  description: string;
  /** Days from now; negative = already expired. */
  validForDays?: number;
  review?: "ACCEPTED" | { rejected: string };
  /** Customer duties (IMPLEMENTED, owned) of these domains get the item linked. */
  target?: Target;
} & (
  | { kind: "FILE"; file: Generated }
  | { kind: "LINK"; url: string }
  | { kind: "NOTE"; note: string }
  | {
      kind: "ATTESTATION";
      vendor: string;
      attestationType: AttestationType;
      file?: Generated;
      url?: string;
    }
);

function catalogue(): DemoItem[] {
  const policy = (version: string) =>
    demoPdf(`ai-acceptable-use-policy-${version}.pdf`, [
      `AI acceptable-use policy, version ${version}`,
      "Applies to every employee and contractor using AI systems.",
      "1. Only approved AI systems from the register may process company data.",
      "2. Confidential and restricted data never goes into public AI services.",
      "3. Every AI system has a named business owner and a reviewed risk tier.",
      "4. Outputs that affect customers are reviewed by a person before release.",
    ]);
  return [
    {
      kind: "FILE",
      title: "AI acceptable-use policy",
      description: "Board-approved policy, first version.",
      file: policy("1.0"),
      target: { domains: [], limit: 0 },
    },
    {
      kind: "FILE",
      title: "AI acceptable-use policy",
      description: "Board-approved policy, revised after the annual review.",
      file: policy("1.1"),
      review: "ACCEPTED",
      target: { domains: ["compliance_and_governance", "ai_ethics_and_safety"], limit: 6 },
    },
    {
      kind: "FILE",
      title: "Quarterly access review",
      description: "Who can reach the AI systems' admin consoles, reviewed by each owner.",
      file: textFile(
        "access-review-q2.csv",
        "system,account,role,reviewer,decision\nWebsite support chatbot,svc-bot,admin,Priya Shah,keep\nEnterprise chat workspace,j.doe,owner,Tomás Becker,remove\n",
      ),
      validForDays: 12,
      target: { domains: ["user_access_control"], limit: 4 },
    },
    {
      kind: "FILE",
      title: "Prompt-injection test results",
      description: "Red-team run against the customer-facing assistants; retest overdue.",
      file: textFile(
        "prompt-injection-tests.csv",
        "case,technique,result\n1,instruction override,blocked\n2,indirect injection via web page,blocked\n3,system prompt extraction,partial\n",
      ),
      validForDays: -20,
      target: { domains: ["application_security"], limit: 3 },
    },
    {
      kind: "FILE",
      title: "Logging configuration export",
      description: "Retention and redaction settings of the AI gateway logs.",
      file: textFile(
        "ai-gateway-logging.txt",
        "retention_days = 365\nredact_prompts = true\nalert_on_policy_violation = true\n",
      ),
      review: "ACCEPTED",
      target: { domains: ["monitoring_and_logging", "data_security"], limit: 5 },
    },
    {
      kind: "LINK",
      title: "Data-protection impact assessments",
      description: "The DPIA register in the privacy team's wiki.",
      url: "https://wiki.example.com/privacy/dpia-register",
      validForDays: 200,
      target: { domains: ["data_privacy"], limit: 4 },
    },
    {
      kind: "NOTE",
      title: "AI incident response runbook",
      description: "How the on-call team handles an AI incident.",
      note: "## When an AI system misbehaves\n\n1. **Contain**: switch the system to read-only or turn it off.\n2. **Preserve**: export prompts, outputs and tool calls of the last 24 hours.\n3. **Notify**: the system's business owner and the security team (security@example.com).\n\nSee the [company incident policy](https://wiki.example.com/security/incidents).",
      review: "ACCEPTED",
      target: { domains: ["incident_response"], limit: 4 },
    },
    {
      kind: "LINK",
      title: "Agent tool permission matrix",
      description: "Which tools each agent may call, with approval thresholds.",
      url: "https://wiki.example.com/ai/agent-permissions",
      review: {
        rejected:
          "Refund limits are missing for the customer-service agent; add them and upload again.",
      },
      target: { domains: ["agent_governance"], limit: 2 },
    },
    {
      kind: "NOTE",
      title: "Model evaluation notes",
      description: "Not linked to any duty yet.",
      note: "Benchmarks run on the research cluster; results to be attached to the model security duties.",
    },
    {
      kind: "ATTESTATION",
      vendor: "OpenAI",
      attestationType: "SOC2_REPORT",
      title: "OpenAI SOC 2 Type II report",
      description: "Covers security and confidentiality; obtained under NDA.",
      file: demoPdf("openai-soc2-type2.pdf", [
        "SOC 2 Type II report (demo copy)",
        "Service organisation: OpenAI",
        "Trust services criteria: security, confidentiality",
        "Opinion: unqualified",
      ]),
      validForDays: 240,
      review: "ACCEPTED",
    },
    {
      kind: "ATTESTATION",
      vendor: "Microsoft",
      attestationType: "DPA",
      title: "Microsoft data-processing agreement",
      description: "Signed data-protection addendum for the cloud and productivity services.",
      url: "https://trust.example.com/microsoft/dpa",
    },
    {
      kind: "ATTESTATION",
      vendor: "Amazon Web Services",
      attestationType: "SOC2_REPORT",
      title: "AWS SOC 2 Type II report (last year)",
      description: "Expired: request the current report.",
      file: demoPdf("aws-soc2-last-year.pdf", [
        "SOC 2 Type II report (demo copy)",
        "Service organisation: Amazon Web Services",
        "Period ended a year ago",
      ]),
      validForDays: -30,
    },
    {
      kind: "ATTESTATION",
      vendor: "Anthropic",
      attestationType: "MODEL_CARD",
      title: "Anthropic model card",
      description: "Model capabilities, limits and safety evaluations.",
      url: "https://trust.example.com/anthropic/model-card",
      validForDays: 20,
    },
    {
      kind: "ATTESTATION",
      vendor: "Salesforce",
      attestationType: "ISO27001_CERTIFICATE",
      title: "Salesforce ISO 27001 certificate",
      description: "Certificate and statement of applicability.",
      file: demoPdf("salesforce-iso27001.pdf", [
        "ISO/IEC 27001 certificate (demo copy)",
        "Organisation: Salesforce",
      ]),
      validForDays: 300,
    },
  ];
}

/**
 * The demo workspace's evidence, so coverage and gaps are real from the first start: files stored
 * through the storage module (real SHA-256), links, a Markdown note, an item with two revisions,
 * expired, expiring and rejected items, and vendor attestations (GitHub's systems stay without
 * one). Items are linked to implemented customer duties of some domains; the rest stay gaps.
 * Idempotent: does nothing once the demo workspace has any evidence.
 */
export async function seedDemoEvidence(): Promise<string[]> {
  const workspace = await db.workspace.findUnique({
    where: { slug: DEMO_WORKSPACE_SLUG },
    select: { id: true },
  });
  if (!workspace) return [];
  const workspaceId = workspace.id;
  if ((await db.evidence.count({ where: { workspaceId } })) > 0)
    return ["demo evidence: already present"];

  const members = await db.membership.findMany({
    where: { workspaceId },
    select: { role: true, user: { select: { id: true, email: true } } },
  });
  const asActor = (role: string): AuditActor | undefined => {
    const member = members.find((m) => m.role === role);
    return member ? { type: "USER", id: member.user.id, label: member.user.email } : undefined;
  };
  const uploader = asActor("EDITOR") ?? asActor("OWNER");
  const reviewer = asActor("ADMIN") ?? asActor("OWNER");
  if (!uploader || !reviewer) return ["demo evidence: skipped (no members)"];

  const [vendors, parts] = await Promise.all([
    db.vendor.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db.duty.findMany({
      where: { workspaceId, side: "CUSTOMER", status: "IMPLEMENTED", ownerId: { not: null } },
      orderBy: [{ domainKey: "asc" }, { systemId: "asc" }],
      select: { id: true, domainKey: true },
    }),
  ]);
  const vendorId = new Map(vendors.map((v) => [v.name, v.id]));
  const now = Date.now();
  let previousId: string | undefined;
  let count = 0;

  for (const item of catalogue()) {
    const validUntil =
      item.validForDays === undefined ? null : new Date(now + item.validForDays * DAY);
    const dutyIds = item.target
      ? parts
          .filter((p) => item.target!.domains.includes(p.domainKey))
          .slice(0, item.target.limit)
          .map((p) => p.id)
      : [];
    // The policy's second version is a revision of the first (the catalogue lists them in order).
    const supersedesId = item.title === "AI acceptable-use policy" ? previousId : undefined;
    const common = {
      title: item.title,
      description: item.description,
      validUntil,
      dutyIds,
      supersedesId,
      collectedAt: new Date(now - 7 * DAY),
    };
    const vendor = item.kind === "ATTESTATION" ? vendorId.get(item.vendor) : undefined;
    if (item.kind === "ATTESTATION" && !vendor) continue;
    const created = await saveItem({
      workspaceId,
      actor: uploader,
      item,
      common,
      vendorId: vendor,
    });
    if (item.title === "AI acceptable-use policy") previousId = created.id;
    if (item.review) {
      await reviewEvidence({
        workspaceId,
        actor: reviewer,
        evidenceId: created.id,
        review:
          item.review === "ACCEPTED"
            ? { status: "ACCEPTED" }
            : { status: "REJECTED", comment: item.review.rejected },
      });
    }
    count += 1;
  }
  return [`demo evidence: ${count} items (files, links, notes, vendor attestations)`];
}

type Common = {
  title: string;
  description: string;
  validUntil: Date | null;
  dutyIds: string[];
  supersedesId?: string;
  collectedAt: Date;
};

/** Files go through the upload path (storage, type check, SHA-256); the rest through createEvidence. */
async function saveItem({
  workspaceId,
  actor,
  item,
  common,
  vendorId,
}: {
  workspaceId: string;
  actor: AuditActor;
  item: DemoItem;
  common: Common;
  vendorId?: string;
}): Promise<{ id: string }> {
  const upload = (
    file: Generated,
    extra:
      | { kind: "FILE" }
      | { kind: "ATTESTATION"; attestationType: AttestationType; vendorId?: string },
  ) =>
    uploadFileEvidence({
      workspaceId,
      actor,
      fields: { ...common, ...extra },
      file: { source: Readable.from([file.bytes]), fileName: file.fileName },
    });
  switch (item.kind) {
    case "FILE":
      return upload(item.file, { kind: "FILE" });
    case "LINK":
      return createEvidence({
        workspaceId,
        actor,
        input: { ...common, kind: "LINK", url: item.url },
      });
    case "NOTE":
      return createEvidence({
        workspaceId,
        actor,
        input: { ...common, kind: "NOTE", note: item.note },
      });
    case "ATTESTATION":
      if (item.file)
        return upload(item.file, {
          kind: "ATTESTATION",
          attestationType: item.attestationType,
          vendorId,
        });
      return createEvidence({
        workspaceId,
        actor,
        input: {
          ...common,
          kind: "ATTESTATION",
          url: item.url ?? "",
          attestationType: item.attestationType,
          vendorId,
        },
      });
  }
}
