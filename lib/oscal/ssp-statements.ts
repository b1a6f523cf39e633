// How one duty becomes an OSCAL implemented requirement (docs/oscal.md, "Duties"). The split of
// a responsibility between a provider and its customer is what OSCAL's leveraged-authorization
// model expresses:
//
// - a PROVIDER duty (value P or S) is something the vendor provides: the vendor's component
//   `export`s it as `provided` and, when the value is S, names the `responsibility` it leaves to
//   the customer; the AI system's component `inherited`s the provided capability.
// - a CUSTOMER duty of a shared (S) responsibility `satisfied`s that responsibility on the AI
//   system's component.
// - a CUSTOMER duty of a C responsibility is the customer's own work: a plain statement with its
//   implementation status, nothing inherited or satisfied.
//
// Without a vendor there is no leveraged authorization to point at, so no provided, inherited,
// responsibility or satisfied entries are written; the duty keeps its status and props.
import { controlId } from "@/lib/oscal/catalog";
import { compact, enumToken, line, nonEmpty, prop, prose, stableUuid } from "@/lib/oscal/common";
import type { SspDuty, SspSystem, SspVendor } from "@/lib/oscal/ssp-input";

export const DUTY_OWNER_ROLE = "duty-owner";

/** The UUIDs that tie a provider's statement to the customer's, both derived from the domain. */
export function providedUuid(responsibilityId: string) {
  return stableUuid("provided", responsibilityId);
}
export function customerResponsibilityUuid(responsibilityId: string) {
  return stableUuid("responsibility", responsibilityId);
}
export function systemComponentUuid(systemId: string) {
  return stableUuid("component", "system", systemId);
}
export function vendorComponentUuid(vendorId: string) {
  return stableUuid("component", "vendor", vendorId);
}
export function evidenceResourceUuid(evidenceId: string) {
  return stableUuid("evidence", evidenceId);
}
export function personUuid(workspaceId: string, name: string) {
  return stableUuid("person", workspaceId, name);
}

/** Our duty status as OSCAL's implementation status (the exact status is also a prop). */
export function implementationState(status: string): string {
  switch (status) {
    case "IMPLEMENTED":
      return "implemented";
    case "IN_PROGRESS":
      return "partial";
    case "NOT_APPLICABLE":
      return "not-applicable";
    // An accepted risk is a decision not to implement as asked: the nearest OSCAL value.
    case "RISK_ACCEPTED":
      return "alternative";
    default:
      return "planned";
  }
}

function statusRemarks(duty: SspDuty): string | null {
  if (duty.status === "RISK_ACCEPTED") {
    return `Risk accepted${duty.riskAcceptanceExpiresAt ? ` until ${duty.riskAcceptanceExpiresAt.slice(0, 10)}` : ""}.`;
  }
  return null;
}

export function dutyRequirement({
  duty,
  system,
  vendor,
  workspaceId,
}: {
  duty: SspDuty;
  system: SspSystem;
  vendor: SspVendor | null;
  workspaceId: string;
}) {
  const domain = line(duty.domainName) ?? duty.domainKey;
  const systemName = line(system.name) ?? system.id;
  const vendorName = vendor ? (line(vendor.name) ?? vendor.id) : null;
  const systemComponent = systemComponentUuid(system.id);
  const provided = providedUuid(duty.responsibilityId);
  const leftToCustomer = customerResponsibilityUuid(duty.responsibilityId);
  const status = compact({
    state: implementationState(duty.status),
    remarks: statusRemarks(duty),
  });
  const owner = duty.ownerName
    ? [{ "role-id": DUTY_OWNER_ROLE, "party-uuids": [personUuid(workspaceId, duty.ownerName)] }]
    : undefined;

  const byComponents: Record<string, unknown>[] = [];
  if (duty.side === "PROVIDER") {
    if (vendor && vendorName) {
      byComponents.push({
        "component-uuid": vendorComponentUuid(vendor.id),
        uuid: stableUuid("by-component", duty.id, "vendor"),
        description: `${vendorName} carries the provider's part of ${domain} for ${systemName}.`,
        export: compact({
          provided: [
            {
              uuid: provided,
              description: `${vendorName} provides ${domain} for ${systemName}.`,
            },
          ],
          responsibilities:
            duty.value === "S"
              ? [
                  {
                    uuid: leftToCustomer,
                    "provided-uuid": provided,
                    description: `The customer configures, governs and uses what ${vendorName} provides for ${domain}.`,
                  },
                ]
              : undefined,
        }),
      });
    }
    byComponents.push(
      compact({
        "component-uuid": systemComponent,
        uuid: stableUuid("by-component", duty.id, "system"),
        description: vendorName
          ? `${systemName} inherits ${domain} from ${vendorName}.`
          : `The provider's part of ${domain} for ${systemName}; no vendor is recorded for the system.`,
        "implementation-status": status,
        inherited:
          vendor && vendorName
            ? [
                {
                  uuid: stableUuid("inherited", duty.id),
                  "provided-uuid": provided,
                  description: `Inherited from ${vendorName}.`,
                },
              ]
            : undefined,
        "responsible-roles": owner,
      }),
    );
  } else {
    const shared = duty.value === "S" && vendor && vendorName;
    byComponents.push(
      compact({
        "component-uuid": systemComponent,
        uuid: stableUuid("by-component", duty.id, "system"),
        description: shared
          ? `The customer's part of the shared ${domain} for ${systemName}.`
          : `The customer carries ${domain} for ${systemName}.`,
        "implementation-status": status,
        satisfied: shared
          ? [
              {
                uuid: stableUuid("satisfied", duty.id),
                "responsibility-uuid": leftToCustomer,
                description: `Satisfies the responsibility ${vendorName} leaves to the customer.`,
              },
            ]
          : undefined,
        "responsible-roles": owner,
      }),
    );
  }

  return compact({
    uuid: stableUuid("duty", duty.id),
    "control-id": controlId(duty.domainKey),
    props: [
      ...prop("duty-id", duty.id),
      ...prop("framework", `${system.framework.key}@${system.framework.version}`),
      ...prop("domain", duty.domainKey),
      ...prop("side", duty.side.toLowerCase()),
      ...prop("responsibility-value", duty.value),
      ...prop("derived-value", duty.derivedValue),
      ...prop("override-value", duty.overrideValue),
      ...prop("critical", duty.critical),
      ...prop("status", enumToken(duty.status)),
      ...prop("owner", duty.ownerName),
      ...prop("due-date", duty.dueDate?.slice(0, 10)),
      ...prop("risk-acceptance-expires", duty.riskAcceptanceExpiresAt?.slice(0, 10)),
      ...prop("covered", duty.covered),
    ],
    links: nonEmpty(
      duty.evidenceIds.map((id) => ({ href: `#${evidenceResourceUuid(id)}`, rel: "evidence" })),
    ),
    "responsible-roles": owner,
    "by-components": byComponents,
    remarks: prose(
      [
        duty.justification ? `Justification: ${duty.justification}` : null,
        duty.overrideJustification
          ? `Value overridden (${duty.derivedValue} to ${duty.overrideValue}): ${duty.overrideJustification}`
          : null,
      ]
        .filter(Boolean)
        .join("\n\n"),
    ),
  });
}
