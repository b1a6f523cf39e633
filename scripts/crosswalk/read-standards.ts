// Reads the openly licensed inputs in ../shared/standards (see its README and each SOURCE.md)
// into plain facts for the crosswalk build: CoSAI controls and their mappings, FINOS mitigations
// and risks with their references, the FINOS reference catalogues, MITRE ATLAS mitigations and
// the OWASP LLM Top 10 ids. Only ids, titles and mappings are read; no prose is kept.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { parse } from "yaml";

export type CosaiControl = {
  id: string;
  title: string;
  mappings: Record<string, string[]>;
};

export type FinosDocument = {
  id: string;
  title: string;
  mitigates: string[];
  references: Record<string, string[]>;
};

export type FinosCatalogue = { title: string; entries: Record<string, { title: string }> };

export type Standards = {
  cosaiControls: Map<string, CosaiControl>;
  finosMitigations: Map<string, FinosDocument>;
  finosRisks: Map<string, FinosDocument>;
  finosCatalogues: {
    euAiAct: FinosCatalogue;
    iso42001: FinosCatalogue;
    nistAi6001: FinosCatalogue;
  };
  atlas: { version: string; mitigations: { id: string; name: string; category: string[] }[] };
  owasp: { edition: string; items: { id: string; title: string }[] };
};

async function yamlFile<T>(file: string): Promise<T> {
  // YAML 1.2 core schema keeps "2025" and dates as the strings they are in the files.
  return parse(await readFile(file, "utf8"), { schema: "core" }) as T;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Front matter of a FINOS Markdown document; the body (prose) is never read. */
async function finosDocuments(folder: string): Promise<Map<string, FinosDocument>> {
  const out = new Map<string, FinosDocument>();
  for (const name of (await readdir(folder)).filter((n) => n.endsWith(".md")).sort()) {
    const text = await readFile(path.join(folder, name), "utf8");
    const match = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!match?.[1]) throw new Error(`${name}: no YAML front matter`);
    const front = parse(match[1], { schema: "core" }) as Record<string, unknown>;
    const id = /^((?:mi|ri)-\d+)_/.exec(name)?.[1];
    if (!id) throw new Error(`${name}: file name does not start with mi-N_ or ri-N_`);
    const references: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(front)) {
      if (key.endsWith("_references"))
        references[key.slice(0, -"_references".length)] = asList(value);
    }
    out.set(id, {
      id,
      title: String(front.title),
      mitigates: asList(front.mitigates),
      references,
    });
  }
  return out;
}

export async function readStandards(root: string): Promise<Standards> {
  const cosai = await yamlFile<{
    controls: { id: string; title: string; mappings?: Record<string, string[]> }[];
  }>(path.join(root, "cosai-risk-map/yaml/controls.yaml"));
  const cosaiControls = new Map(
    cosai.controls.map((c) => [c.id, { id: c.id, title: c.title, mappings: c.mappings ?? {} }]),
  );

  const finos = path.join(root, "finos-ai-governance-framework");
  const references = path.join(finos, "_data/references");
  const atlasFile = await yamlFile<{
    version: string;
    matrices: { mitigations: { id: string; name: string; category?: unknown }[] }[];
  }>(path.join(root, "mitre-atlas/ATLAS.yaml"));
  const owasp = JSON.parse(
    await readFile(path.join(root, "owasp-llm-top10-2025/owasp-llm-top10-2025.json"), "utf8"),
  ) as { edition: string; items: { id: string; title: string }[] };

  return {
    cosaiControls,
    finosMitigations: await finosDocuments(path.join(finos, "_mitigations")),
    finosRisks: await finosDocuments(path.join(finos, "_risks")),
    finosCatalogues: {
      euAiAct: await yamlFile<FinosCatalogue>(path.join(references, "eu-ai-act.yml")),
      iso42001: await yamlFile<FinosCatalogue>(path.join(references, "iso-42001.yml")),
      nistAi6001: await yamlFile<FinosCatalogue>(path.join(references, "nist-ai-600-1.yml")),
    },
    atlas: {
      version: atlasFile.version,
      mitigations: (atlasFile.matrices[0]?.mitigations ?? []).map((m) => ({
        id: m.id,
        name: m.name,
        category: asList(m.category),
      })),
    },
    owasp: { edition: owasp.edition, items: owasp.items.map(({ id, title }) => ({ id, title })) },
  };
}

/** Licence and notice files copied verbatim next to the crosswalk (source path → file name). */
export const LICENCE_COPIES: readonly { from: string; to: string }[] = [
  { from: "cosai-risk-map/LICENSE.md", to: "LICENSE-cosai-risk-map.md" },
  { from: "mitre-atlas/LICENSE", to: "LICENSE-mitre-atlas.txt" },
  {
    from: "finos-ai-governance-framework/LICENSE",
    to: "LICENSE-finos-ai-governance-framework.txt",
  },
  { from: "finos-ai-governance-framework/NOTICE", to: "NOTICE-finos-ai-governance-framework.txt" },
];
