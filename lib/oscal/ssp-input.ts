// What the SSP writer needs, as plain data (dates as ISO strings). The server's loader
// (lib/server/oscal/) fills it from the same readers as the evidence bundle.

export type ResponsibilityCode = "C" | "P" | "S" | "NA";
export type DutySide = "CUSTOMER" | "PROVIDER";

export type SspSystem = {
  id: string;
  name: string;
  description: string | null;
  lifecycle: string;
  archived: boolean;
  primaryModel: string;
  deploymentModels: string[];
  riskTier: string | null;
  euAiActCategory: string | null;
  dataClassification: string | null;
  businessOwnerName: string | null;
  vendorId: string | null;
  framework: { key: string; version: string };
};

export type SspVendor = {
  id: string;
  name: string;
  kind: string | null;
  website: string | null;
  /** The day the vendor was recorded: OSCAL requires a date on a leveraged authorization. */
  recordedOn: string;
};

export type SspDuty = {
  /** The duty's (responsibility part's) id. */
  id: string;
  responsibilityId: string;
  systemId: string;
  domainKey: string;
  domainName: string;
  side: DutySide;
  /** The responsibility's effective value (override or derived). */
  value: ResponsibilityCode;
  derivedValue: string;
  overrideValue: string | null;
  overrideJustification: string | null;
  critical: boolean;
  ownerName: string | null;
  status: string;
  justification: string | null;
  dueDate: string | null;
  riskAcceptanceExpiresAt: string | null;
  evidenceIds: string[];
  /** Null when the system is not counted by coverage (archived or retired). */
  covered: boolean | null;
};

export type SspEvidence = {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  /** Where the item can be fetched: its URL, its file inside a bundle, or its API download. */
  href: string | null;
  contentType: string | null;
  sha256: string | null;
  collectedAt: string;
  validUntil: string | null;
  reviewStatus: string;
  state: string;
  attestationType: string | null;
  /** Set for attestations held for a vendor. */
  vendorId: string | null;
};

export type SspInput = {
  workspace: { id: string; slug: string; name: string };
  /** Omitted: the whole workspace. */
  systemIds?: string[];
  generatedAt: string;
  systems: SspSystem[];
  vendors: SspVendor[];
  duties: SspDuty[];
  evidence: SspEvidence[];
  frameworkVersions: { key: string; version: string; name: string }[];
  /** Where the OSCAL catalog of a framework version is, relative to the SSP or absolute. */
  catalogHref: (framework: { key: string; version: string }) => string;
};
