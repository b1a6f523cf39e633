// Derives edges by following our bridges (authored/bridges.yaml) through the CoSAI and FINOS
// mappings, then merges the edges we wrote ourselves (authored/edges.yaml): an authored edge sets
// the relationship and rationale, a derivation found for the same pair stays on it as provenance.
import type { Catalogue, CrosswalkEdge, Derivation, Relationship } from "@/lib/crosswalks/schema";
import { edgeId } from "@/lib/crosswalks/schema";
import { sortedDerivations } from "@/lib/crosswalks/serialize";

import { CATALOGUE_ALIASES, entryLabel, fromCosai, fromFinos } from "./catalogues";
import type { Standards } from "./read-standards";

type Only = { only?: string[] };
export type Bridges = {
  cosai: Record<string, ({ control: string; why: string } & Only)[]>;
  finos: Record<string, ({ mitigation: string; risks: string[]; why: string } & Only)[]>;
  exclude: { row: string; catalogue: string; entry: string; why: string }[];
};
export type AuthoredEdges = Record<string, { to: string; rel: string; why: string }[]>;

const COSAI = "cosai-risk-map";
const FINOS = "finos-ai-governance-framework";
const MAX_RATIONALE = 600;

type Path = { derivation: Derivation; sentence: string };
type Candidate = { catalogue: string; entry: string | null; path: Path };

/** "<alias> <id>" (aliases of CATALOGUE_ALIASES) → catalogue key and entry id. */
function parseTarget(target: string, where: string): { catalogue: string; entry: string } {
  const space = target.indexOf(" ");
  const alias = CATALOGUE_ALIASES[target.slice(0, space)];
  if (space < 0 || !alias) throw new Error(`${where}: unknown target "${target}"`);
  return { catalogue: alias.key, entry: target.slice(space + 1) };
}
type Pending = Omit<CrosswalkEdge, "relationship" | "rationale" | "derivedFrom"> & {
  paths: Path[];
};

export function deriveEdges(input: {
  standards: Standards;
  bridges: Bridges;
  authored: AuthoredEdges;
  catalogues: Catalogue[];
  /** Which framework each row key belongs to (row keys are distinct across the sources). */
  frameworkOfRow: Map<string, string>;
}): CrosswalkEdge[] {
  const { standards, bridges, catalogues, frameworkOfRow } = input;
  const known = new Map(catalogues.map((c) => [c.key, new Set(c.entries.map((e) => e.id))]));
  const pending = new Map<string, Pending>();
  const frameworkOf = (row: string) => {
    const framework = frameworkOfRow.get(row);
    if (!framework) throw new Error(`bridges/edges name an unknown row "${row}"`);
    return framework;
  };
  const add = (row: string, catalogue: string, entry: string, path: Path) => {
    if (!known.get(catalogue)?.has(entry)) {
      throw new Error(
        `${path.derivation.provenance} leads to ${catalogue} ${entry}, not in the catalogue`,
      );
    }
    const edge = { framework: frameworkOf(row), row, catalogue, entry };
    const id = edgeId(edge);
    const current = pending.get(id) ?? { ...edge, paths: [] };
    current.paths.push(path);
    pending.set(id, current);
  };
  /** Adds a bridge's candidate targets, or only those its `only` list names (each must occur). */
  const addAll = (row: string, bridge: Only, found: Candidate[]) => {
    const reached = found.filter((c): c is Candidate & { entry: string } => c.entry !== null);
    const keep = bridge.only?.map((target) => parseTarget(target, `bridges.yaml ${row}`));
    for (const wanted of keep ?? []) {
      if (!reached.some((c) => c.catalogue === wanted.catalogue && c.entry === wanted.entry)) {
        throw new Error(
          `bridges.yaml ${row}: "only" names ${wanted.catalogue} ${wanted.entry}, not reached`,
        );
      }
    }
    for (const c of reached) {
      if (keep && !keep.some((k) => k.catalogue === c.catalogue && k.entry === c.entry)) continue;
      add(row, c.catalogue, c.entry, c.path);
    }
  };

  for (const [row, list] of Object.entries(bridges.cosai)) {
    for (const bridge of list) {
      const control = standards.cosaiControls.get(bridge.control);
      if (!control) throw new Error(`bridges.yaml: unknown CoSAI control ${bridge.control}`);
      const via = [{ id: control.id, title: control.title }];
      const targets: [string, string | null][] = [
        ...(control.mappings["mitre-atlas"] ?? []).map((id): [string, string] => [
          "mitre-atlas-mitigations",
          fromCosai.atlas(id),
        ]),
        ...(control.mappings["nist-ai-rmf"] ?? []).map((id): [string, string] => [
          "nist-ai-rmf",
          fromCosai.rmf(id),
        ]),
        ...(control.mappings["owasp-top10-llm"] ?? []).map((id): [string, string] => [
          "owasp-llm-top10",
          id,
        ]),
      ];
      addAll(
        row,
        bridge,
        targets.map(([catalogue, entry]) => ({
          catalogue,
          entry,
          path: {
            derivation: { provenance: COSAI, via },
            sentence:
              `CoSAI maps its control "${control.title}" to ${entryLabel(catalogue, entry ?? "")}; ` +
              `${bridge.why}.`,
          },
        })),
      );
    }
  }

  for (const [row, list] of Object.entries(bridges.finos)) {
    for (const bridge of list) {
      const mitigation = standards.finosMitigations.get(bridge.mitigation);
      if (!mitigation)
        throw new Error(`bridges.yaml: unknown FINOS mitigation ${bridge.mitigation}`);
      const mStep = { id: mitigation.id, title: mitigation.title };
      const direct: [string, string | null][] = [
        ...(mitigation.references["iso-42001"] ?? []).map((key): [string, string] => [
          "iso-42001-annex-a",
          fromFinos.iso(key),
        ]),
        ...(mitigation.references["eu-ai-act"] ?? []).map((key): [string, string | null] => [
          "eu-ai-act",
          fromFinos.eu(key),
        ]),
      ];
      const found: Candidate[] = direct.map(([catalogue, entry]) => ({
        catalogue,
        entry,
        path: {
          derivation: { provenance: FINOS, via: [mStep] },
          sentence:
            `FINOS cites ${entryLabel(catalogue, entry ?? "")} for its mitigation ` +
            `"${mitigation.title}" (${mitigation.id}); ${bridge.why}.`,
        },
      }));
      for (const riskId of bridge.risks) {
        if (!mitigation.mitigates.includes(riskId)) {
          throw new Error(`bridges.yaml: ${mitigation.id} does not mitigate ${riskId}`);
        }
        const risk = standards.finosRisks.get(riskId);
        if (!risk) throw new Error(`bridges.yaml: unknown FINOS risk ${riskId}`);
        const viaRisk: [string, string | null][] = [
          ...(risk.references["owasp-llm"] ?? []).map((key): [string, string | null] => [
            "owasp-llm-top10",
            fromFinos.owasp(key),
          ]),
          ...(risk.references["nist-ai-600-1"] ?? []).map((key): [string, string | null] => [
            "nist-ai-600-1",
            fromFinos.gai(key),
          ]),
        ];
        for (const [catalogue, entry] of viaRisk) {
          found.push({
            catalogue,
            entry,
            path: {
              derivation: { provenance: FINOS, via: [mStep, { id: risk.id, title: risk.title }] },
              sentence:
                `FINOS's mitigation "${mitigation.title}" (${mitigation.id}) addresses its risk ` +
                `"${risk.title}" (${risk.id}), which FINOS relates to ` +
                `${entryLabel(catalogue, entry ?? "")}; ${bridge.why}.`,
            },
          });
        }
      }
      addAll(row, bridge, found);
    }
  }

  for (const ex of bridges.exclude) {
    const id = edgeId({ framework: frameworkOf(ex.row), ...ex });
    if (!pending.delete(id)) throw new Error(`bridges.yaml exclude: no derived edge ${id}`);
  }
  return merge(pending, input.authored, frameworkOf, known);
}

function merge(
  pending: Map<string, Pending>,
  authored: AuthoredEdges,
  frameworkOf: (row: string) => string,
  known: Map<string, Set<string>>,
): CrosswalkEdge[] {
  const edges = new Map<string, CrosswalkEdge>();
  for (const [id, item] of pending) {
    const derivedFrom = dedupe(item.paths.map((p) => p.derivation));
    const { framework, row, catalogue, entry } = item;
    edges.set(id, {
      framework,
      row,
      catalogue,
      entry,
      relationship: "intersects-with" satisfies Relationship,
      rationale: composeRationale(item.paths),
      derivedFrom,
    });
  }
  const written = new Set<string>();
  for (const [row, list] of Object.entries(authored)) {
    for (const item of list) {
      const { catalogue, entry } = parseTarget(item.to, `edges.yaml ${row}`);
      if (!known.get(catalogue)?.has(entry)) {
        throw new Error(`edges.yaml ${row}: unknown target "${item.to}"`);
      }
      const edge = { framework: frameworkOf(row), row, catalogue, entry };
      const id = edgeId(edge);
      if (written.has(id)) throw new Error(`edges.yaml lists ${id} twice`);
      written.add(id);
      const derived = edges.get(id);
      edges.set(id, {
        ...edge,
        relationship: item.rel,
        rationale: item.why,
        ...(derived?.derivedFrom ? { derivedFrom: derived.derivedFrom } : {}),
      });
    }
  }
  return [...edges.values()];
}

function dedupe(list: Derivation[]): Derivation[] {
  const seen = new Map<string, Derivation>();
  for (const d of list) seen.set(`${d.provenance}|${d.via.map((s) => s.id).join(">")}`, d);
  return sortedDerivations([...seen.values()]);
}

/** One sentence per path, as many as fit in the field; the rest stay listed under derivedFrom. */
function composeRationale(paths: Path[]): string {
  const sentences = [...new Set(paths.map((p) => p.sentence))].sort();
  const tail = " Further paths are listed under derivedFrom.";
  let text = "";
  for (const [index, sentence] of sentences.entries()) {
    const next = text === "" ? sentence : `${text} ${sentence}`;
    const room = index === sentences.length - 1 ? MAX_RATIONALE : MAX_RATIONALE - tail.length;
    if (next.length > room) {
      if (text === "") throw new Error(`rationale too long: ${sentence}`);
      return `${text}${tail}`;
    }
    text = next;
  }
  return text;
}
