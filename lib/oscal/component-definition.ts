// A provider statement as an OSCAL 1.2.1 component definition, and back (docs/provider-statements.md,
// "OSCAL"). The product is one component of type "service"; its control implementation names the
// framework version; each domain the statement names is an implemented requirement whose
// `responsible-roles` say who carries it ("provider", "customer", both for a shared domain, none
// when not applicable), with our `responsibility` property giving the matrix code; each
// attestation is a back-matter resource with its SHA-256. (A component definition has no
// `export`/`provided` in OSCAL 1.2.1: those belong to an SSP's by-component statements.) Pure.
import { OSCAL_VERSION, prop, SRM_NS, stableUuid, token } from "@/lib/oscal/common";
import {
  positionCode,
  type ProviderStatementDocument,
  STATEMENT_POSITIONS,
  type StatementAttestation,
  type StatementBody,
  type StatementPosition,
} from "@/lib/statements/format";

/** The source of a control implementation: a URN naming our framework key and version. */
export function frameworkSourceUrn(framework: { key: string; version: string }): string {
  return `urn:ai-srm-workspace:framework:${encodeURIComponent(framework.key)}:${encodeURIComponent(framework.version)}`;
}

function parseFrameworkSource(source: string): { key: string; version: string } | null {
  const match = /^urn:ai-srm-workspace:framework:([^:]+):([^:]+)$/.exec(source);
  if (!match) return null;
  return { key: decodeURIComponent(match[1]!), version: decodeURIComponent(match[2]!) };
}

/** OSCAL's way to say who carries a requirement: responsible roles of the component's parties. */
const ROLES: Record<StatementPosition, string[]> = {
  provider: ["provider"],
  shared: ["provider", "customer"],
  customer: ["customer"],
  not_applicable: [],
};

const WORDS: Record<StatementPosition, string> = {
  provider: "The provider carries this domain.",
  shared: "The provider and the customer each carry a part of this domain.",
  customer: "The provider leaves this domain to the customer.",
  not_applicable: "The provider considers this domain not applicable.",
};

function attestationResource(statementId: string, a: StatementAttestation) {
  const uuid = stableUuid("statement-attestation", statementId, a.sha256);
  return {
    uuid,
    title: a.title,
    props: [
      ...prop("attestation-type", a.type),
      ...prop("valid-from", a.validFrom),
      ...prop("valid-until", a.validUntil),
      ...prop("file-name", a.fileName),
      ...(a.domains ?? []).flatMap((d) => prop("domain", d)),
    ],
    rlinks: [
      {
        // the file is not published, only its digest: the link names it, or the resource itself
        href: a.fileName ? encodeURIComponent(a.fileName) : `#${uuid}`,
        hashes: [{ algorithm: "SHA-256", value: a.sha256 }],
      },
    ],
  };
}

/** The statement as an OSCAL component definition (validated by the callers' tests). */
export function componentDefinitionFromStatement(doc: ProviderStatementDocument) {
  const id = doc.statementId;
  const party = doc.provider
    ? [
        {
          uuid: stableUuid("statement-provider", id),
          type: "organization",
          name: doc.provider.name,
        },
      ]
    : [];
  const resources = doc.attestations.map((a) => attestationResource(id, a));
  const resourceOf = new Map(doc.attestations.map((a, i) => [a, resources[i]!.uuid]));
  const requirements = doc.domains.map((domain) => {
    const covering = doc.attestations
      .filter(
        (a) =>
          (domain.position === "provider" || domain.position === "shared") &&
          (!a.domains || a.domains.includes(domain.key)),
      )
      .map((a) => ({ href: `#${resourceOf.get(a)}`, rel: "attestation" }));
    const roles = ROLES[domain.position].map((roleId) =>
      roleId === "provider" && party[0]
        ? { "role-id": roleId, "party-uuids": [party[0].uuid] }
        : { "role-id": roleId },
    );
    return {
      uuid: stableUuid("statement-requirement", id, domain.key),
      "control-id": token(domain.key),
      description: domain.note ?? WORDS[domain.position],
      props: [
        ...prop("responsibility", positionCode(domain.position)),
        ...prop("domain", domain.key),
      ],
      ...(covering.length > 0 ? { links: covering } : {}),
      ...(roles.length > 0 ? { "responsible-roles": roles } : {}),
    };
  });
  const component = {
    uuid: stableUuid("statement-component", id),
    type: "service",
    title: doc.product.name,
    description: `${doc.product.name}: the provider's responsibility statement, version ${doc.version}.`,
    props: [
      ...prop("statement-id", id),
      ...prop("statement-version", doc.version),
      ...doc.deploymentModels.flatMap((m) => prop("deployment-model", m)),
    ],
    ...(party[0]
      ? { "responsible-roles": [{ "role-id": "provider", "party-uuids": [party[0].uuid] }] }
      : {}),
    ...(requirements.length > 0
      ? {
          "control-implementations": [
            {
              uuid: stableUuid("statement-implementation", id),
              source: frameworkSourceUrn(doc.framework),
              description: `Domains of ${doc.framework.key} ${doc.framework.version}.`,
              props: [
                ...prop("framework-key", doc.framework.key),
                ...prop("framework-version", doc.framework.version),
              ],
              "implemented-requirements": requirements,
            },
          ],
        }
      : {}),
  };
  return {
    "component-definition": {
      uuid: stableUuid("statement-document", id, String(doc.version)),
      metadata: {
        title: `${doc.product.name}: provider responsibility statement`,
        "last-modified": doc.publishedAt,
        version: String(doc.version),
        "oscal-version": OSCAL_VERSION,
        roles: [
          { id: "provider", title: "Provider" },
          { id: "customer", title: "Customer" },
        ],
        ...(party[0] ? { parties: party } : {}),
      },
      components: [component],
      ...(resources.length > 0 ? { "back-matter": { resources } } : {}),
    },
  };
}

// ---- Reading a component definition (ours or another provider's) ----

type Loose = Record<string, unknown>;
const asObject = (v: unknown): Loose =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : {};
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function ourProps(holder: Loose, name: string): string[] {
  return asArray(holder.props)
    .map(asObject)
    .filter((p) => p.ns === SRM_NS && p.name === name)
    .flatMap((p) => (typeof p.value === "string" ? [p.value] : []));
}

export type ReadComponentDefinition = {
  /** The statement the document maps onto; framework null when the document does not name one. */
  body: Omit<StatementBody, "framework"> & { framework: { key: string; version: string } | null };
  statementId: string;
  version: number;
  productName: string;
  providerName: string | null;
  publishedAt: string;
  /** What could not be mapped, in words (shown after the import). */
  unmapped: string[];
  /** Problems that make the document unusable. */
  problems: string[];
};

function positionFromRequirement(req: Loose): StatementPosition | null {
  const code = ourProps(req, "responsibility")[0];
  const fromCode = STATEMENT_POSITIONS.find((p) => positionCode(p) === code);
  if (fromCode) return fromCode;
  const roles = asArray(req["responsible-roles"]).map((r) => asString(asObject(r)["role-id"]));
  const provides = roles.includes("provider");
  const leaves = roles.includes("customer");
  if (provides && leaves) return "shared";
  if (provides) return "provider";
  if (leaves) return "customer";
  // A plain implemented requirement of a service component: the provider implements it.
  return "provider";
}

/**
 * Maps a schema-valid component definition onto a statement body. Only the first component is
 * read (one product per statement; others are reported). Each implemented requirement's
 * control id is a domain key; the position comes from our `responsibility` property, else from
 * its responsible roles (provider and customer: shared; provider only: provider; customer only:
 * customer), else the provider implements it. Attestations are back-matter resources with a
 * SHA-256 hash. Domain keys are checked against the framework by the caller.
 */
export function statementFromComponentDefinition(document: unknown): ReadComponentDefinition {
  const root = asObject(asObject(document)["component-definition"]);
  const metadata = asObject(root.metadata);
  const components = asArray(root.components).map(asObject);
  const unmapped: string[] = [];
  const problems: string[] = [];
  const component = components[0] ?? {};
  if (components.length > 1)
    unmapped.push(
      `components.1…${components.length - 1}: only the first component (${asString(component.title)}) is read`,
    );
  if (components.length === 0) problems.push("components: the document has no component");

  const implementations = asArray(component["control-implementations"]).map(asObject);
  let framework: { key: string; version: string } | null = null;
  const domains: StatementBody["domains"] = [];
  const held = new Map<string, string[]>(); // resource uuid -> domains whose requirement links it
  implementations.forEach((impl, i) => {
    const named =
      parseFrameworkSource(asString(impl.source) ?? "") ??
      (ourProps(impl, "framework-key")[0] && ourProps(impl, "framework-version")[0]
        ? {
            key: ourProps(impl, "framework-key")[0]!,
            version: ourProps(impl, "framework-version")[0]!,
          }
        : null);
    if (named && framework && (named.key !== framework.key || named.version !== framework.version))
      problems.push(
        `components.0.control-implementations.${i}.source: names ${named.key} ${named.version}, another framework than ${framework.key} ${framework.version}`,
      );
    framework ??= named;
    asArray(impl["implemented-requirements"])
      .map(asObject)
      .forEach((req, j) => {
        const path = `components.0.control-implementations.${i}.implemented-requirements.${j}`;
        const key = ourProps(req, "domain")[0] ?? asString(req["control-id"]) ?? "";
        const position = positionFromRequirement(req);
        if (!position) {
          unmapped.push(`${path}: no position could be read for control "${key}"`);
          return;
        }
        // A description other than our fixed wording is the provider's own note on the domain.
        const description = asString(req.description)?.trim().slice(0, 2000);
        domains.push({
          key,
          position,
          ...(description && description !== WORDS[position] ? { note: description } : {}),
        });
        for (const link of asArray(req.links).map(asObject)) {
          const href = asString(link.href) ?? "";
          if (href.startsWith("#"))
            held.set(href.slice(1), [...(held.get(href.slice(1)) ?? []), key]);
        }
      });
  });

  const attestations: StatementAttestation[] = [];
  asArray(asObject(root["back-matter"]).resources)
    .map(asObject)
    .forEach((resource, i) => {
      const sha = asArray(resource.rlinks)
        .map(asObject)
        .flatMap((l) => asArray(l.hashes).map(asObject))
        .find((h) => /^sha-?256$/i.test(asString(h.algorithm) ?? ""));
      if (!sha) {
        unmapped.push(`back-matter.resources.${i}: no SHA-256 hash, not read as an attestation`);
        return;
      }
      const one = (name: string) => ourProps(resource, name)[0];
      const domainProps = ourProps(resource, "domain");
      const linked = held.get(asString(resource.uuid) ?? "");
      attestations.push({
        title: asString(resource.title) ?? `Attestation ${i + 1}`,
        ...(one("attestation-type") ? { type: one("attestation-type") } : {}),
        ...(one("valid-from") ? { validFrom: one("valid-from") } : {}),
        ...(one("valid-until") ? { validUntil: one("valid-until") } : {}),
        sha256: (asString(sha.value) ?? "").toLowerCase(),
        ...(one("file-name") ? { fileName: one("file-name") } : {}),
        ...(domainProps.length > 0
          ? { domains: domainProps }
          : linked && !ourProps(component, "statement-id")[0]
            ? { domains: [...new Set(linked)] }
            : {}),
      });
    });

  const versionText = ourProps(component, "statement-version")[0] ?? asString(metadata.version);
  const version = Number.parseInt(versionText ?? "", 10);
  if (!Number.isSafeInteger(version) || version < 1 || String(version) !== versionText?.trim())
    problems.push(
      `metadata.version: "${versionText ?? ""}" is not a whole version number (1, 2, …), which imports need to order versions`,
    );

  const partyName = asArray(metadata.parties)
    .map(asObject)
    .map((p) => asString(p.name))
    .find(Boolean);
  return {
    body: {
      framework,
      deploymentModels: ourProps(component, "deployment-model"),
      domains,
      attestations,
    },
    statementId: ourProps(component, "statement-id")[0] ?? asString(component.uuid) ?? "",
    version,
    productName: asString(component.title) ?? "",
    providerName: partyName ?? null,
    publishedAt: asString(metadata["last-modified"]) ?? "",
    unmapped,
    problems,
  };
}
