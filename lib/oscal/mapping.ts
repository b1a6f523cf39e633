// The crosswalks as one OSCAL mapping collection (docs/oscal.md, "Mapping collection"): one
// `mapping` per crosswalk, source framework and target catalogue, one `map` per edge. Sources are
// the controls of our catalogs (one per domain, ids from controlId); targets are the external
// catalogue's entry ids as that catalogue spells them. Each side is a back-matter resource.
import type { CrosswalkDefinition } from "@/lib/crosswalks/schema";
import { controlId } from "@/lib/oscal/catalog";
import { compact, line, OSCAL_VERSION, prop, prose, SRM_NS, stableUuid } from "@/lib/oscal/common";

export type MappingInput = {
  crosswalks: { definition: CrosswalkDefinition; definitionHash: string }[];
  /** Where a framework version's OSCAL catalog can be fetched (relative or absolute URI). */
  catalogHref: (framework: { key: string; version: string }) => string;
  generatedAt: string;
  title?: string;
};

function edgeRemarks(edge: CrosswalkDefinition["edges"][number]): string {
  const derivations = (edge.derivedFrom ?? []).map(
    (d) =>
      `Derived through ${d.provenance}: ${d.via.map((v) => `${v.id} (${v.title})`).join(" > ")}`,
  );
  return [edge.rationale, ...derivations].join("\n\n");
}

export function buildMappingCollection(input: MappingInput) {
  const sorted = [...input.crosswalks].sort(
    (a, b) =>
      a.definition.key.localeCompare(b.definition.key) ||
      a.definition.version.localeCompare(b.definition.version),
  );
  const resources = new Map<string, Record<string, unknown>>();
  const frameworkResource = (key: string, version: string) => {
    const uuid = stableUuid("catalog-resource", key, version);
    resources.set(uuid, {
      uuid,
      title: `OSCAL catalog of ${key} ${version}`,
      props: [...prop("framework", key), ...prop("framework-version", version)],
      rlinks: [{ href: input.catalogHref({ key, version }), "media-type": "application/json" }],
    });
    return uuid;
  };
  const catalogueResource = (
    crosswalk: CrosswalkDefinition,
    catalogue: CrosswalkDefinition["catalogues"][number],
  ) => {
    const uuid = stableUuid("reference-catalogue", catalogue.key, catalogue.version);
    resources.set(
      uuid,
      compact({
        uuid,
        title: line(`${catalogue.name} ${catalogue.version}`) ?? catalogue.key,
        description: prose(catalogue.note),
        props: [
          ...prop("catalogue", catalogue.key),
          ...prop("publisher", catalogue.publisher),
          ...prop("licence", catalogue.license.spdx ?? catalogue.license.name),
          ...prop("attribution", catalogue.license.attribution),
          ...prop("crosswalk", crosswalk.key),
        ],
        rlinks: [{ href: catalogue.source.url }],
      }),
    );
    return uuid;
  };

  const mappings = sorted.flatMap(({ definition, definitionHash }) => {
    const versionOf = new Map(definition.sources.map((s) => [s.framework, s.version]));
    const pairs = new Map<string, { framework: string; catalogue: string }>();
    for (const edge of definition.edges) {
      pairs.set(`${edge.framework}\u0000${edge.catalogue}`, {
        framework: edge.framework,
        catalogue: edge.catalogue,
      });
    }
    return [...pairs.values()].flatMap(({ framework, catalogue }) => {
      const target = definition.catalogues.find((c) => c.key === catalogue);
      const version = versionOf.get(framework);
      if (!target || !version) return [];
      const edges = definition.edges.filter(
        (e) => e.framework === framework && e.catalogue === catalogue,
      );
      return [
        compact({
          uuid: stableUuid("mapping", definition.key, definition.version, framework, catalogue),
          method: definition.method,
          "matching-rationale": definition.matchingRationale,
          status: "complete",
          "source-resource": { type: "catalog", href: `#${frameworkResource(framework, version)}` },
          "target-resource": { type: "catalog", href: `#${catalogueResource(definition, target)}` },
          props: [
            ...prop("crosswalk", definition.key),
            ...prop("crosswalk-version", definition.version),
            ...prop("definition-hash", definitionHash),
          ],
          maps: edges.map((edge) =>
            compact({
              uuid: stableUuid(
                "map",
                definition.key,
                definition.version,
                edge.framework,
                edge.row,
                edge.catalogue,
                edge.entry,
              ),
              ns: SRM_NS,
              relationship: edge.relationship,
              sources: [{ type: "control", "id-ref": controlId(edge.row) }],
              targets: [{ type: "control", "id-ref": edge.entry }],
              remarks: prose(edgeRemarks(edge)),
            }),
          ),
        }),
      ];
    });
  });

  const methods = [...new Set(sorted.map((c) => c.definition.method ?? "human"))];
  const rationales = [...new Set(sorted.map((c) => c.definition.matchingRationale ?? "semantic"))];
  const ids = sorted.map((c) => `${c.definition.key}@${c.definition.version}`);
  return {
    "mapping-collection": compact({
      uuid: stableUuid("mapping-collection", ...ids),
      metadata: {
        title: input.title ?? "Crosswalks of the AI Security Shared Responsibility Model",
        "last-modified": input.generatedAt,
        version: ids.join(", ") || "none",
        "oscal-version": OSCAL_VERSION,
        parties: [...new Map(sorted.map((c) => [c.definition.key, c.definition])).values()].map(
          (definition) => ({
            uuid: stableUuid("publisher", definition.key),
            type: "organization",
            name: line(definition.publisher) ?? definition.key,
          }),
        ),
      },
      provenance: {
        method: methods.length === 1 ? methods[0] : "hybrid",
        "matching-rationale": rationales.length === 1 ? rationales[0] : "semantic",
        status: "complete",
        "mapping-description":
          prose(
            sorted.map((c) => `${c.definition.name}: ${c.definition.description}`).join("\n\n"),
          ) ?? "No crosswalks.",
      },
      mappings,
      "back-matter": resources.size > 0 ? { resources: [...resources.values()] } : undefined,
    }),
  };
}
