import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import {
  oscalCatalogQuerySchema,
  oscalMappingQuerySchema,
  oscalSspQuerySchema,
} from "@/lib/validation/oscal";

// The documents are NIST OSCAL 1.2.1 JSON; their schema is NIST's, so the OpenAPI document
// describes them as objects and names the model (docs/oscal.md).
const oscalDocument = (id: string, root: string) =>
  z
    .record(z.string(), z.unknown())
    .describe(`An OSCAL 1.2.1 document whose root member is \`${root}\` (docs/oscal.md)`)
    .meta({ id });

export const getOscalSspSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/oscal/ssp",
  tag: "OSCAL",
  summary: "OSCAL System Security Plan",
  description:
    "The workspace's AI systems as an OSCAL 1.2.1 SSP (application/json): systems are " +
    "components, vendors leveraged authorizations, duties implemented requirements, evidence " +
    "back-matter resources with their SHA-256. `systemIds` narrows it to some systems; 400 when " +
    "one is not a system of this workspace or when the scope has no duties.",
  permission: "export.create",
  query: oscalSspQuerySchema,
  response: oscalDocument("OscalSystemSecurityPlan", "system-security-plan"),
});

export const getOscalCatalogSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/oscal/catalog",
  tag: "OSCAL",
  summary: "A framework version as an OSCAL catalog",
  description:
    "One control per security domain, grouped by the framework's row groups; the matrix row " +
    "(one responsibility value per deployment model) as parts of each control.",
  permission: "framework.read",
  query: oscalCatalogQuerySchema,
  response: oscalDocument("OscalCatalog", "catalog"),
});

export const getOscalMappingSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/oscal/mapping",
  tag: "OSCAL",
  summary: "The crosswalks as an OSCAL mapping collection",
  description:
    "Every edge of the crosswalks (the newest version of each, or the one named) as a map from " +
    "a domain's control to an external catalogue's entry.",
  permission: "crosswalk.read",
  query: oscalMappingQuerySchema,
  response: oscalDocument("OscalMappingCollection", "mapping-collection"),
});
