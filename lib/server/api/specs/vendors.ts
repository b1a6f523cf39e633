import { z } from "zod";

import { defineApiRoute } from "@/lib/server/api/spec";
import { idSchema } from "@/lib/validation/systems";
import {
  ASSESSMENT_TOPIC_KEYS,
  assessmentAnswerSchema,
  vendorFieldsSchema,
} from "@/lib/validation/vendors";

const vendorParams = z.object({ vendorId: idSchema });
const vendorSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    website: z.string().nullable(),
  })
  .meta({ id: "Vendor" });

export const listVendorsSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/vendors",
  tag: "Vendors",
  summary: "List vendors",
  permission: "vendor.read",
  query: z.object({ q: z.string().max(200).optional() }),
  response: z.object({ vendors: z.array(vendorSchema) }),
});

export const createVendorSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/vendors",
  tag: "Vendors",
  summary: "Create a vendor",
  permission: "vendor.create",
  body: vendorFieldsSchema.meta({ id: "VendorFields" }),
  response: z.object({ id: z.string(), name: z.string() }),
  successStatus: 201,
});

export const getVendorSpec = defineApiRoute({
  method: "GET",
  path: "/api/v1/vendors/{vendorId}",
  tag: "Vendors",
  summary: "Get a vendor with its systems and assessment",
  permission: "vendor.read",
  params: vendorParams,
  response: z.object({
    vendor: vendorSchema,
    assessment: z.array(z.looseObject({ topicKey: z.string(), status: z.string() })),
  }),
});

export const updateVendorSpec = defineApiRoute({
  method: "PATCH",
  path: "/api/v1/vendors/{vendorId}",
  tag: "Vendors",
  summary: "Update a vendor",
  permission: "vendor.update",
  params: vendorParams,
  body: vendorFieldsSchema,
  response: z.object({ id: z.string(), name: z.string() }),
});

export const deleteVendorSpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/vendors/{vendorId}",
  tag: "Vendors",
  summary: "Delete a vendor",
  description:
    "Its systems stay, without a vendor; the evidence of its imported provider statements stays in the library but no longer backs their duties.",
  permission: "vendor.update",
  params: vendorParams,
  response: z.object({ id: z.string() }),
});

export const linkVendorSystemsSpec = defineApiRoute({
  method: "POST",
  path: "/api/v1/vendors/{vendorId}/systems",
  tag: "Vendors",
  summary: "Link systems to a vendor",
  permission: "vendor.update",
  params: vendorParams,
  body: z.object({ systemIds: z.array(idSchema).min(1).max(1000) }),
  response: z.object({ count: z.number() }),
});

export const saveAssessmentSpec = defineApiRoute({
  method: "PUT",
  path: "/api/v1/vendors/{vendorId}/assessment/{topicKey}",
  tag: "Vendors",
  summary: "Save one assessment topic of a vendor",
  description: `Topics: ${ASSESSMENT_TOPIC_KEYS.join(", ")}.`,
  permission: "vendor.update",
  params: z.object({ vendorId: idSchema, topicKey: z.enum(ASSESSMENT_TOPIC_KEYS) }),
  body: assessmentAnswerSchema.omit({ vendorId: true, topicKey: true }),
  response: z.object({ id: z.string(), topicKey: z.string(), status: z.string() }),
});

export const unlinkVendorSystemSpec = defineApiRoute({
  method: "DELETE",
  path: "/api/v1/vendors/{vendorId}/systems/{systemId}",
  tag: "Vendors",
  summary: "Unlink a system from a vendor",
  description:
    "The system has no vendor afterwards and keeps everything else except what the vendor's provider statements gave it (their evidence links and open review items). 404 when the system is not linked to this vendor.",
  permission: "vendor.update",
  params: z.object({ vendorId: idSchema, systemId: idSchema }),
  response: z.object({ count: z.number() }),
});
