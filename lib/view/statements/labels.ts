// Words and view types of provider statements, shared by the pages and their client components.
import type { DisagreementKind } from "@/lib/statements/compare";
import type { StatementPosition } from "@/lib/statements/format";

export const POSITION_LABELS: Record<StatementPosition, string> = {
  provider: "Provider holds",
  shared: "Shared",
  customer: "Left to the customer",
  not_applicable: "Not applicable",
};

export const DISAGREEMENT_LABELS: Record<DisagreementKind, string> = {
  provider_leaves: "The provider leaves work the matrix gives it",
  provider_takes: "The provider claims work the matrix leaves to you",
  split_differs: "The split differs",
};

/** A framework version a statement can be written for. */
export type StatementFrameworkOption = { key: string; version: string; label: string };

/** What the draft editor needs of the framework: its domains and deployment models. */
export type StatementFrameworkShape = {
  domains: { key: string; name: string }[];
  deploymentModels: { key: string; name: string }[];
};

/** An attestation of the workspace's evidence library the editor can copy into the draft. */
export type AttestationCandidate = {
  id: string;
  title: string;
  attestationType: string | null;
  validUntil: string | null;
  collectedAt: string;
  sha256: string;
};
