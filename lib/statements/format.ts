// The provider statement format `ai-srm-provider-statement/1` (docs/provider-statement-format.md):
// what a provider publishes about one product, and what a customer imports. Pure: zod shapes, the
// mapping between positions and matrix codes, and the checks against a framework definition.
import { z } from "zod";

import type { ResponsibilityValue } from "@/lib/domain/responsibility";
import type { FrameworkDefinition } from "@/lib/frameworks/schema";

export const STATEMENT_FORMAT = "ai-srm-provider-statement/1";

/**
 * Largest statement file or pasted text accepted, in bytes (UTF-8). A statement of every domain
 * of a framework with dozens of attestations is a few tens of kilobytes; the limit stays under
 * the 1 MB a server action's request body may carry, so the form's upload reaches our check.
 */
export const STATEMENT_MAX_BYTES = 512 * 1024;

/**
 * The provider's position on a domain, in words a reader of the JSON understands without our
 * matrix: "provider" holds it, "shared" both sides have work, "customer" it is left to the
 * customer, "not_applicable" nobody. Each maps to a matrix code.
 */
export const STATEMENT_POSITIONS = ["provider", "shared", "customer", "not_applicable"] as const;
export type StatementPosition = (typeof STATEMENT_POSITIONS)[number];

const POSITION_CODE: Record<StatementPosition, ResponsibilityValue> = {
  provider: "P",
  shared: "S",
  customer: "C",
  not_applicable: "NA",
};

export function positionCode(position: StatementPosition): ResponsibilityValue {
  return POSITION_CODE[position];
}

export function positionOf(code: ResponsibilityValue): StatementPosition {
  return STATEMENT_POSITIONS.find((p) => POSITION_CODE[p] === code)!;
}

/** Whether the provider has work in the domain (and its attestations may cover it). */
export function providerHolds(position: StatementPosition): boolean {
  return position === "provider" || position === "shared";
}

const KEY = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a key (lowercase letters, digits, _ and -)");
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const SHA256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "must be a SHA-256 digest (64 lowercase hexadecimal digits)");
const TEXT = (max: number) => z.string().trim().min(1, "must not be empty").max(max, "is too long");

export const statementAttestationSchema = z
  .strictObject({
    title: TEXT(300),
    type: TEXT(120).optional(),
    validFrom: DAY.optional(),
    validUntil: DAY.optional(),
    sha256: SHA256,
    fileName: TEXT(255).optional(),
    // the domains it speaks for; left out: every domain the provider holds or shares
    domains: z.array(KEY).max(500).optional(),
  })
  .refine((a) => !a.validFrom || !a.validUntil || a.validFrom <= a.validUntil, {
    message: "validUntil is before validFrom",
    path: ["validUntil"],
  });
export type StatementAttestation = z.infer<typeof statementAttestationSchema>;

export const statementDomainSchema = z.strictObject({
  key: KEY,
  position: z.enum(STATEMENT_POSITIONS),
  note: TEXT(2000).optional(),
});
export type StatementDomain = z.infer<typeof statementDomainSchema>;

/** What a publisher edits before publishing, and the body of every published version. */
export const statementBodySchema = z.strictObject({
  framework: z.strictObject({ key: KEY, version: TEXT(64) }),
  deploymentModels: z.array(KEY).min(1, "name at least one deployment model").max(50),
  domains: z.array(statementDomainSchema).max(500),
  attestations: z.array(statementAttestationSchema).max(200),
});
export type StatementBody = z.infer<typeof statementBodySchema>;

/**
 * A draft: the body as it is being written, which may still name no deployment model (a new
 * statement starts empty). Publishing checks it against `statementBodySchema`.
 */
export const statementDraftSchema = statementBodySchema.extend({
  deploymentModels: z.array(KEY).max(50),
});
export type StatementDraft = z.infer<typeof statementDraftSchema>;

export const providerStatementSchema = z.strictObject({
  format: z.literal(STATEMENT_FORMAT),
  statementId: z.uuid(),
  version: z.number().int().min(1).max(1_000_000),
  publishedAt: z.iso.datetime({ offset: true }),
  provider: z.strictObject({ name: TEXT(200) }).optional(),
  product: z.strictObject({ name: TEXT(200) }),
  ...statementBodySchema.shape,
});
export type ProviderStatementDocument = z.infer<typeof providerStatementSchema>;

/** An empty draft for a new statement of a framework version. */
export function emptyStatementBody(framework: { key: string; version: string }): StatementDraft {
  return { framework, deploymentModels: [], domains: [], attestations: [] };
}

/**
 * Problems of a statement body against the framework version it names: domains and deployment
 * models the framework does not have, domains named twice, attestation domains that are not in
 * the statement or where the provider holds nothing. Each problem as "path: message".
 */
export function checkAgainstFramework(
  body: StatementDraft,
  definition: FrameworkDefinition,
  pathPrefix = "",
): string[] {
  const problems: string[] = [];
  const rows = new Set(definition.rows.map((r) => r.key));
  const columns = new Set(definition.columns.map((c) => c.key));
  body.deploymentModels.forEach((model, i) => {
    if (!columns.has(model))
      problems.push(
        `${pathPrefix}deploymentModels.${i}: "${model}" is not a deployment model of ${definition.key} ${definition.version}`,
      );
  });
  const seen = new Set<string>();
  body.domains.forEach((domain, i) => {
    if (!rows.has(domain.key))
      problems.push(
        `${pathPrefix}domains.${i}.key: "${domain.key}" is not a domain of ${definition.key} ${definition.version}`,
      );
    if (seen.has(domain.key))
      problems.push(`${pathPrefix}domains.${i}.key: "${domain.key}" is named twice`);
    seen.add(domain.key);
  });
  const held = new Set(body.domains.filter((d) => providerHolds(d.position)).map((d) => d.key));
  body.attestations.forEach((attestation, i) => {
    attestation.domains?.forEach((key, j) => {
      if (!rows.has(key))
        problems.push(
          `${pathPrefix}attestations.${i}.domains.${j}: "${key}" is not a domain of ${definition.key} ${definition.version}`,
        );
      else if (!held.has(key))
        problems.push(
          `${pathPrefix}attestations.${i}.domains.${j}: the statement does not say the provider holds or shares "${key}"`,
        );
    });
  });
  return problems;
}

/** zod issues as "path: message", the way every problem list of ours reads. */
export function describeIssues(error: z.ZodError, pathPrefix = ""): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return `${pathPrefix}${path || "(document)"}: ${issue.message}`;
  });
}

/** The attestations that speak for a domain (those naming it, or naming none). */
export function attestationsFor(body: StatementBody, domainKey: string): StatementAttestation[] {
  const domain = body.domains.find((d) => d.key === domainKey);
  if (!domain || !providerHolds(domain.position)) return [];
  return body.attestations.filter((a) => !a.domains || a.domains.includes(domainKey));
}
