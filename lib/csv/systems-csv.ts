/**
 * The CSV layout of AI systems: one column list for the template, the import and the export, so a
 * file exported from the app imports back. Lists (additional models, tags) are separated by ";".
 */
import { toCsv } from "@/lib/csv/csv";

export const SYSTEM_CSV_COLUMNS = [
  "name",
  "description",
  "framework",
  "primary_model",
  "additional_models",
  "variant",
  "vendor",
  "business_owner_email",
  "risk_tier",
  "eu_ai_act_category",
  "data_classification",
  "lifecycle",
  "tags",
] as const;
export type SystemCsvColumn = (typeof SYSTEM_CSV_COLUMNS)[number];
export const REQUIRED_SYSTEM_COLUMNS: readonly SystemCsvColumn[] = ["name", "primary_model"];

/** Export-only columns, before and after the importable ones. */
export const SYSTEM_EXPORT_COLUMNS = [
  "id",
  ...SYSTEM_CSV_COLUMNS,
  "archived_at",
  "customer_duties",
  "provider_duties",
  "updated_at",
] as const;

/** Which CSV column a field error belongs to (service field name → column). */
export const FIELD_TO_COLUMN: Record<string, SystemCsvColumn> = {
  name: "name",
  description: "description",
  frameworkVersionId: "framework",
  primaryModel: "primary_model",
  additionalModels: "additional_models",
  variant: "variant",
  vendorId: "vendor",
  businessOwnerId: "business_owner_email",
  riskTier: "risk_tier",
  euAiActCategory: "eu_ai_act_category",
  dataClassification: "data_classification",
  lifecycle: "lifecycle",
  tags: "tags",
};

export function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(";")
    .map((item) => item.trim())
    .filter(Boolean);
}

const EXAMPLES: Record<SystemCsvColumn, string>[] = [
  {
    name: "Support chatbot",
    description: "Answers customer questions on the public website.",
    framework: "ai-security-srm@1.1.0",
    primary_model: "saas_ai",
    additional_models: "",
    variant: "public_saas",
    vendor: "",
    business_owner_email: "",
    risk_tier: "HIGH",
    eu_ai_act_category: "LIMITED_RISK",
    data_classification: "INTERNAL",
    lifecycle: "PRODUCTION",
    tags: "customer-facing;support",
  },
  {
    name: "Claims triage agent",
    description: "Reads incoming claims and routes them with tools.",
    framework: "ai-security-srm@1.1.0",
    primary_model: "agentic_ai",
    additional_models: "paas_ai",
    variant: "",
    vendor: "",
    business_owner_email: "",
    risk_tier: "CRITICAL",
    eu_ai_act_category: "HIGH_RISK",
    data_classification: "CONFIDENTIAL",
    lifecycle: "PILOT",
    tags: "agents",
  },
];

/**
 * The downloadable template: the header plus two example rows. Blank `framework` means the newest
 * AI SRM version; vendors are matched by name and owners by e-mail; enum columns take the codes
 * shown (e.g. HIGH, PRODUCTION).
 */
export function systemsTemplateCsv(): string {
  return toCsv(
    SYSTEM_CSV_COLUMNS,
    EXAMPLES.map((example) => SYSTEM_CSV_COLUMNS.map((column) => example[column])),
  );
}
