// A framework version as an OSCAL catalog (docs/oscal.md, "Catalog"). One control per security
// domain, because a duty answers a domain: the SSP's implemented requirements name these
// controls. The matrix row of each domain (one value per deployment model) becomes parts of the
// control, so nothing of the matrix is lost. Groups are the framework's row groups (or its row
// categories when it has none).
import type { FrameworkDefinition, FrameworkRow } from "@/lib/frameworks/schema";
import {
  compact,
  line,
  nonEmpty,
  OSCAL_VERSION,
  prop,
  prose,
  SRM_NS,
  stableUuid,
  token,
} from "@/lib/oscal/common";

/** The control id of a domain: its key, made an OSCAL token. The SSP uses the same function. */
export function controlId(domainKey: string): string {
  return token(domainKey);
}

export function catalogUuid(framework: { key: string; version: string }): string {
  return stableUuid("catalog", framework.key, framework.version);
}

function humanise(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function controlOf(definition: FrameworkDefinition, row: FrameworkRow) {
  const id = controlId(row.key);
  const scale = new Map(definition.scale.map((level) => [level.code, level]));
  const columns = [...definition.columns].sort(
    (a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER),
  );
  const cells = new Map(
    definition.cells.filter((c) => c.row === row.key).map((c) => [c.column, c]),
  );
  const parts = [
    compact({ id: `${id}_smt`, name: "statement", prose: prose(row.description ?? row.focus) }),
    ...(row.keyControls.length > 0
      ? [
          {
            id: `${id}_obj`,
            name: "objective",
            title: "Key controls",
            parts: row.keyControls.map((text, index) =>
              compact({ id: `${id}_obj.${index + 1}`, name: "item", prose: prose(text) }),
            ),
          },
        ]
      : []),
    ...(row.considerations.length > 0
      ? [
          {
            id: `${id}_gdn`,
            name: "guidance",
            prose: row.considerations.map((text) => `- ${text}`).join("\n"),
          },
        ]
      : []),
    ...columns.flatMap((column) => {
      const cell = cells.get(column.key);
      if (!cell) return [];
      const level = scale.get(cell.value);
      return [
        compact({
          id: `${id}_resp.${token(column.key)}`,
          name: "responsibility",
          ns: SRM_NS,
          title: line(column.name) ?? column.key,
          props: [
            ...prop("deployment-model", column.key),
            ...prop("responsibility-value", cell.value),
            ...prop("responsible-side", level?.side),
            ...prop("critical", cell.critical),
          ],
          prose: prose(
            [level ? `${level.label}: ${level.description}` : cell.value, cell.rationale]
              .filter(Boolean)
              .join("\n\n"),
          ),
        }),
      ];
    }),
  ];
  return compact({
    id,
    title: line(row.name) ?? row.key,
    props: [
      { name: "label", value: row.key },
      ...prop("domain", row.key),
      ...prop("category", row.category),
      ...prop("focus", row.focus),
    ],
    parts,
  });
}

/** The OSCAL catalog of one framework version; `generatedAt` is the only varying field. */
export function buildCatalog({
  definition,
  generatedAt,
}: {
  definition: FrameworkDefinition;
  generatedAt: string;
}) {
  const groupOf = (row: FrameworkRow) => row.group ?? row.category;
  const groupKeys = [...new Set(definition.rows.map(groupOf))];
  const rowGroups = new Map((definition.rowGroups ?? []).map((g) => [g.key, g]));
  const groups = groupKeys.map((key) => {
    const known = rowGroups.get(key);
    return compact({
      id: `group.${token(key)}`,
      title: line(known?.name) ?? humanise(key),
      props: nonEmpty([...prop("group", key), ...prop("responsible-side", known?.side)]),
      parts: known
        ? [{ id: `group.${token(key)}_smt`, name: "overview", prose: known.description }]
        : undefined,
      controls: definition.rows
        .filter((row) => groupOf(row) === key)
        .map((row) => controlOf(definition, row)),
    });
  });
  return {
    catalog: {
      uuid: catalogUuid(definition),
      metadata: compact({
        title: line(definition.name) ?? definition.key,
        published: definition.releasedOn ? `${definition.releasedOn}T00:00:00Z` : undefined,
        "last-modified": generatedAt,
        version: line(definition.version) ?? "unversioned",
        "oscal-version": OSCAL_VERSION,
        props: [
          ...prop("framework", definition.key),
          ...prop("licence", definition.license.spdx ?? definition.license.name),
          ...prop("attribution", definition.license.attribution),
        ],
        links: [{ href: definition.source.url, rel: "source" }],
        parties: [
          {
            uuid: stableUuid("publisher", definition.key),
            type: "organization",
            name: line(definition.publisher) ?? definition.key,
          },
        ],
        remarks: prose(definition.description),
      }),
      groups,
    },
  };
}
