// The OSCAL System Security Plan of a workspace or a set of its AI systems (docs/oscal.md).
// Each AI system is a component, each vendor a leveraged authorization (with a component of its
// own that exports what it provides), each duty an implemented requirement (ssp-statements.ts),
// each evidence item a back-matter resource with its SHA-256. Every UUID is derived from our ids,
// so two exports of the same data differ only in their timestamps.
import { createHash } from "node:crypto";

import { catalogUuid } from "@/lib/oscal/catalog";
import {
  compact,
  enumToken,
  line,
  nonEmpty,
  OSCAL_VERSION,
  prop,
  prose,
  stableUuid,
} from "@/lib/oscal/common";
import type { SspEvidence, SspInput, SspSystem, SspVendor } from "@/lib/oscal/ssp-input";
import {
  DUTY_OWNER_ROLE,
  dutyRequirement,
  evidenceResourceUuid,
  personUuid,
  systemComponentUuid,
  vendorComponentUuid,
} from "@/lib/oscal/ssp-statements";

const BUSINESS_OWNER_ROLE = "business-owner";
const PROVIDER_ROLE = "provider";

export function sspUuid(workspaceId: string, systemIds?: string[]): string {
  return stableUuid("ssp", workspaceId, ...(systemIds ? [...systemIds].sort() : ["*"]));
}

function componentStatus(system: SspSystem): string {
  if (system.archived || system.lifecycle === "RETIRED") return "disposition";
  return system.lifecycle === "PRODUCTION" ? "operational" : "under-development";
}

function systemComponent(system: SspSystem, workspaceId: string) {
  return compact({
    uuid: systemComponentUuid(system.id),
    type: "system",
    title: line(system.name) ?? system.id,
    description: prose(system.description) ?? `The AI system ${line(system.name) ?? system.id}.`,
    props: [
      ...prop("system-id", system.id),
      ...prop("framework", `${system.framework.key}@${system.framework.version}`),
      ...prop("primary-deployment-model", system.primaryModel),
      ...system.deploymentModels.flatMap((model) => prop("deployment-model", model)),
      ...prop("lifecycle", enumToken(system.lifecycle)),
      ...prop("archived", system.archived),
      ...prop("risk-tier", system.riskTier && enumToken(system.riskTier)),
      ...prop("eu-ai-act-category", system.euAiActCategory && enumToken(system.euAiActCategory)),
      ...prop(
        "data-classification",
        system.dataClassification && enumToken(system.dataClassification),
      ),
    ],
    status: { state: componentStatus(system) },
    "responsible-roles": system.businessOwnerName
      ? [
          {
            "role-id": BUSINESS_OWNER_ROLE,
            "party-uuids": [personUuid(workspaceId, system.businessOwnerName)],
          },
        ]
      : undefined,
  });
}

function vendorParty(vendor: SspVendor) {
  return compact({
    uuid: stableUuid("party", "vendor", vendor.id),
    type: "organization",
    name: line(vendor.name) ?? vendor.id,
    props: nonEmpty(prop("vendor-kind", vendor.kind)),
  });
}

function evidenceResource(item: SspEvidence) {
  return compact({
    uuid: evidenceResourceUuid(item.id),
    title: line(item.title) ?? item.id,
    description: prose(item.description),
    props: [
      ...prop("evidence-id", item.id),
      ...prop("kind", enumToken(item.kind)),
      ...prop("attestation-type", item.attestationType),
      ...prop("review-status", enumToken(item.reviewStatus)),
      ...prop("state", enumToken(item.state)),
      ...prop("collected-at", item.collectedAt),
      ...prop("valid-until", item.validUntil),
    ],
    rlinks: item.href
      ? [
          compact({
            href: item.href,
            "media-type": line(item.contentType),
            hashes: item.sha256 ? [{ algorithm: "SHA-256", value: item.sha256 }] : undefined,
          }),
        ]
      : undefined,
  });
}

export function buildSsp(input: SspInput) {
  const document = sspDocument(input);
  const plan = document["system-security-plan"];
  const { "last-modified": _timestamp, ...stable } = plan.metadata;
  void _timestamp;
  const digest = createHash("sha256")
    .update(JSON.stringify({ ...plan, metadata: stable }))
    .digest("hex");
  plan.metadata.version = `sha256-${digest.slice(0, 16)}`;
  return document;
}

function sspDocument(input: SspInput) {
  const workspaceId = input.workspace.id;
  const vendorById = new Map(input.vendors.map((v) => [v.id, v]));
  const systemById = new Map(input.systems.map((s) => [s.id, s]));
  const evidenceIds = new Set(input.evidence.map((e) => e.id));
  const people = [
    ...new Set(
      [
        ...input.duties.map((d) => d.ownerName),
        ...input.systems.map((s) => s.businessOwnerName),
      ].filter((name): name is string => Boolean(name && line(name))),
    ),
  ].sort();
  const organisation = stableUuid("party", "workspace", workspaceId);
  const catalogResources = input.frameworkVersions.map((framework) => ({
    uuid: stableUuid("catalog-resource", framework.key, framework.version),
    title: `OSCAL catalog of ${line(framework.name) ?? framework.key} ${framework.version}`,
    props: [
      ...prop("framework", framework.key),
      ...prop("framework-version", framework.version),
      ...prop("catalog-uuid", catalogUuid(framework)),
    ],
    rlinks: [{ href: input.catalogHref(framework), "media-type": "application/json" }],
  }));
  const name = line(input.workspace.name) ?? input.workspace.slug;
  const scoped = input.systemIds !== undefined;

  const requirements = input.duties.flatMap((duty) => {
    const system = systemById.get(duty.systemId);
    if (!system) return [];
    return [
      dutyRequirement({
        duty: { ...duty, evidenceIds: duty.evidenceIds.filter((id) => evidenceIds.has(id)) },
        system,
        vendor: system.vendorId ? (vendorById.get(system.vendorId) ?? null) : null,
        workspaceId,
      }),
    ];
  });
  const classifications = [
    ...new Set(input.systems.map((s) => s.dataClassification ?? "UNCLASSIFIED")),
  ].sort();

  return {
    "system-security-plan": compact({
      uuid: sspUuid(workspaceId, input.systemIds),
      metadata: {
        title: `AI security responsibilities of ${name}${scoped ? " (selected AI systems)" : ""}`,
        "last-modified": input.generatedAt,
        // Filled in below from the content, so equal data gives an equal version.
        version: "",
        "oscal-version": OSCAL_VERSION,
        props: [...prop("workspace", input.workspace.slug)],
        roles: [
          { id: DUTY_OWNER_ROLE, title: "Duty owner" },
          { id: BUSINESS_OWNER_ROLE, title: "Business owner of an AI system" },
          { id: PROVIDER_ROLE, title: "Provider of an AI system (vendor)" },
        ],
        parties: [
          { uuid: organisation, type: "organization", name },
          ...input.vendors.map(vendorParty),
          ...people.map((person) => ({
            uuid: personUuid(workspaceId, person),
            type: "person",
            name: line(person),
            "member-of-organizations": [organisation],
          })),
        ],
        "responsible-parties": nonEmpty(
          input.vendors.length > 0
            ? [
                {
                  "role-id": PROVIDER_ROLE,
                  "party-uuids": input.vendors.map((v) => stableUuid("party", "vendor", v.id)),
                },
              ]
            : [],
        ),
      },
      "import-profile": {
        href: catalogResources[0] ? `#${catalogResources[0].uuid}` : "#none",
        remarks:
          "The security domains of the framework versions the AI systems are assessed against, " +
          "as OSCAL catalogs (back-matter); every control is a domain.",
      },
      "system-characteristics": {
        "system-ids": [
          {
            "identifier-type": "https://ietf.org/rfc/rfc4122",
            id: sspUuid(workspaceId, input.systemIds),
          },
        ],
        "system-name": `AI systems of ${name}`,
        description: `${input.systems.length} AI system(s) of the workspace ${name}, assessed against the AI Security Shared Responsibility Model.`,
        "system-information": {
          "information-types": classifications.map((classification) => ({
            uuid: stableUuid("information-type", workspaceId, classification),
            title: `${enumToken(classification)} data`,
            description: `Data classified ${enumToken(classification)} processed by the AI systems.`,
          })),
        },
        status: {
          state: input.systems.some((s) => componentStatus(s) === "operational")
            ? "operational"
            : "under-development",
        },
        "authorization-boundary": {
          description: "The AI systems listed as components, and the vendors they leverage.",
        },
      },
      "system-implementation": compact({
        "leveraged-authorizations": nonEmpty(
          input.vendors.map((vendor) =>
            compact({
              uuid: stableUuid("leveraged-authorization", vendor.id),
              title: line(vendor.name) ?? vendor.id,
              props: [...prop("vendor-id", vendor.id), ...prop("website", vendor.website)],
              links: nonEmpty(
                input.evidence
                  .filter((e) => e.vendorId === vendor.id)
                  .map((e) => ({ href: `#${evidenceResourceUuid(e.id)}`, rel: "attestation" })),
              ),
              "party-uuid": stableUuid("party", "vendor", vendor.id),
              "date-authorized": vendor.recordedOn,
              remarks: "The date is the day the vendor was recorded in the workspace.",
            }),
          ),
        ),
        components: [
          ...input.systems.map((system) => systemComponent(system, workspaceId)),
          ...input.vendors.map((vendor) => ({
            uuid: vendorComponentUuid(vendor.id),
            type: "leveraged-system",
            title: line(vendor.name) ?? vendor.id,
            description: `What ${line(vendor.name) ?? vendor.id} provides to the AI systems built on it.`,
            props: [
              {
                name: "leveraged-authorization-uuid",
                value: stableUuid("leveraged-authorization", vendor.id),
              },
              ...prop("vendor-id", vendor.id),
            ],
            status: { state: "operational" },
            "responsible-roles": [
              {
                "role-id": PROVIDER_ROLE,
                "party-uuids": [stableUuid("party", "vendor", vendor.id)],
              },
            ],
          })),
        ],
      }),
      "control-implementation": {
        description:
          "One implemented requirement per duty: the customer's or the provider's side of one " +
          "security domain of one AI system.",
        "implemented-requirements": requirements,
      },
      "back-matter": nonEmpty([...catalogResources, ...input.evidence.map(evidenceResource)])
        ? { resources: [...catalogResources, ...input.evidence.map(evidenceResource)] }
        : undefined,
    }),
  };
}
