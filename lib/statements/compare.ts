// Comparing statements: a provider's position against a system's value (review items), and one
// imported version against the next (what changed). Pure; docs/provider-statements.md defines both.
import type { ResponsibilityValue } from "@/lib/domain/responsibility";
import { positionCode, type StatementBody, type StatementPosition } from "@/lib/statements/format";

export const DISAGREEMENT_KINDS = ["provider_leaves", "provider_takes", "split_differs"] as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

const PROVIDER_WORK: readonly ResponsibilityValue[] = ["P", "S"];

/**
 * How a provider's position disagrees with the value a system has for a domain, or null when
 * they agree:
 * - provider_leaves: the system expects provider work (P or S) and the statement gives none (C or
 *   NA): a duty the customer may believe covered is not done by anyone;
 * - provider_takes: the system expects no provider work (C or NA) and the statement claims some;
 * - split_differs: both expect provider work but split it differently (P against S), or neither
 *   does and they differ on whether the customer has work (C against NA).
 */
export function disagreement(
  systemValue: ResponsibilityValue,
  statementValue: ResponsibilityValue,
): DisagreementKind | null {
  if (systemValue === statementValue) return null;
  const systemExpects = PROVIDER_WORK.includes(systemValue);
  const statementGives = PROVIDER_WORK.includes(statementValue);
  if (systemExpects && !statementGives) return "provider_leaves";
  if (!systemExpects && statementGives) return "provider_takes";
  return "split_differs";
}

export type StatementDiff = {
  domains: { key: string; before: StatementPosition | null; after: StatementPosition | null }[];
  attestations: {
    added: { title: string; sha256: string }[];
    removed: { title: string; sha256: string }[];
    changed: { title: string; sha256: string; fields: string[] }[];
  };
  deploymentModels: { added: string[]; removed: string[] };
};

/**
 * What changed from one version of a statement to the next: each domain whose position changed
 * (null: not named), attestations added, removed, or changed (same file digest, other title or
 * dates), and deployment models added or removed.
 */
export function diffStatements(before: StatementBody, after: StatementBody): StatementDiff {
  const positions = (body: StatementBody) => new Map(body.domains.map((d) => [d.key, d.position]));
  const a = positions(before);
  const b = positions(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const domains = keys
    .filter((key) => a.get(key) !== b.get(key))
    .map((key) => ({ key, before: a.get(key) ?? null, after: b.get(key) ?? null }));

  const bySha = (body: StatementBody) => new Map(body.attestations.map((x) => [x.sha256, x]));
  const oldAtt = bySha(before);
  const newAtt = bySha(after);
  const added = [...newAtt.values()]
    .filter((x) => !oldAtt.has(x.sha256))
    .map(({ title, sha256 }) => ({ title, sha256 }));
  const removed = [...oldAtt.values()]
    .filter((x) => !newAtt.has(x.sha256))
    .map(({ title, sha256 }) => ({ title, sha256 }));
  const changed = [...newAtt.values()].flatMap((x) => {
    const old = oldAtt.get(x.sha256);
    if (!old) return [];
    const fields = (["title", "type", "validFrom", "validUntil", "fileName"] as const).filter(
      (f) => old[f] !== x[f],
    );
    if (JSON.stringify(old.domains ?? null) !== JSON.stringify(x.domains ?? null))
      fields.push("domains" as never);
    return fields.length > 0 ? [{ title: x.title, sha256: x.sha256, fields: [...fields] }] : [];
  });

  const oldModels = new Set(before.deploymentModels);
  const newModels = new Set(after.deploymentModels);
  return {
    domains,
    attestations: { added, removed, changed },
    deploymentModels: {
      added: [...newModels].filter((m) => !oldModels.has(m)),
      removed: [...oldModels].filter((m) => !newModels.has(m)),
    },
  };
}

/** The matrix code of each domain the statement names. */
export function statementCodes(body: StatementBody): Map<string, ResponsibilityValue> {
  return new Map(body.domains.map((d) => [d.key, positionCode(d.position)]));
}
