// Validation of our OSCAL output against NIST's 1.2.1 JSON Schemas (copied with their source and
// licence in lib/oscal/schemas/). Used by the tests, by the export paths before they hand a
// document out, and by `npm run export:verify` on the files inside a bundle. Structural only:
// NIST's metaschema constraints (allowed prop values, UUID cross references) are not part of the
// JSON Schemas.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

import catalogSchema from "@/lib/oscal/schemas/oscal_catalog_schema.json";
import componentSchema from "@/lib/oscal/schemas/oscal_component_schema.json";
import mappingSchema from "@/lib/oscal/schemas/oscal_mapping_schema.json";
import sspSchema from "@/lib/oscal/schemas/oscal_ssp_schema.json";

export const OSCAL_MODELS = [
  "system-security-plan",
  "catalog",
  "mapping-collection",
  "component-definition",
] as const;
export type OscalModel = (typeof OSCAL_MODELS)[number];

const SCHEMAS: Record<OscalModel, object> = {
  "system-security-plan": sspSchema,
  catalog: catalogSchema,
  "mapping-collection": mappingSchema,
  "component-definition": componentSchema,
};

// ajv-formats is CommonJS with a default export; tsx, vitest and Next disagree on how it arrives.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;

const compiled = new Map<OscalModel, ValidateFunction>();

function validator(model: OscalModel): ValidateFunction {
  const known = compiled.get(model);
  if (known) return known;
  // strictTypes off: the mapping schema has a `pattern` without `type`, which strict mode refuses
  // (lib/oscal/schemas/SOURCE.md). Each schema compiles in its own instance: their definitions
  // share $id fragments.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  const validate = ajv.compile(SCHEMAS[model]);
  compiled.set(model, validate);
  return validate;
}

export type OscalValidation = { ok: true; model: OscalModel } | { ok: false; problems: string[] };

function describe(error: ErrorObject): string {
  return `${error.instancePath || "/"} ${error.message ?? "is invalid"}`;
}

/** Which OSCAL model a parsed document is, by its single root member. */
export function oscalModelOf(document: unknown): OscalModel | null {
  if (typeof document !== "object" || document === null || Array.isArray(document)) return null;
  const keys = Object.keys(document).filter((key) => key !== "$schema");
  const [root] = keys;
  return keys.length === 1 && (OSCAL_MODELS as readonly string[]).includes(root ?? "")
    ? (root as OscalModel)
    : null;
}

/**
 * Checks a parsed document against the schema of its model (or of `expected`). At most `limit`
 * problems are named, the first ones Ajv finds.
 */
export function validateOscal(
  document: unknown,
  options: { expected?: OscalModel; limit?: number } = {},
): OscalValidation {
  const model = oscalModelOf(document);
  if (!model) {
    return {
      ok: false,
      problems: [`not an OSCAL document (expected one of ${OSCAL_MODELS.join(", ")} at the root)`],
    };
  }
  if (options.expected && model !== options.expected) {
    return { ok: false, problems: [`an OSCAL ${model}, expected a ${options.expected}`] };
  }
  const validate = validator(model);
  if (validate(document)) return { ok: true, model };
  const errors = validate.errors ?? [];
  return { ok: false, problems: errors.slice(0, options.limit ?? 20).map(describe) };
}
