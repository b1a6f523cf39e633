// Builds the six target catalogues of the built-in crosswalk: metadata from authored/crosswalk.yaml,
// entries from the standards (ids and titles) or, where only a paraphrase may be shipped, from our
// own files (ISO/IEC 42001 and NIST AI RMF titles). Also the id translations between the spellings
// of CoSAI, FINOS and our catalogues (see ../shared/standards/README.md).
import type { Catalogue, CatalogueEntry } from "@/lib/crosswalks/schema";

import type { Standards } from "./read-standards";

export type CatalogueMeta = Omit<Catalogue, "entries">;
export type Paraphrases = { groups: Record<string, string>; entries: Record<string, string> };

/** Short catalogue aliases used in authored/edges.yaml and in derived rationales. */
export const CATALOGUE_ALIASES: Record<string, { key: string; label: string }> = {
  owasp: { key: "owasp-llm-top10", label: "OWASP" },
  atlas: { key: "mitre-atlas-mitigations", label: "ATLAS" },
  rmf: { key: "nist-ai-rmf", label: "AI RMF" },
  gai: { key: "nist-ai-600-1", label: "NIST AI 600-1 §" },
  iso: { key: "iso-42001-annex-a", label: "ISO/IEC 42001" },
  eu: { key: "eu-ai-act", label: "EU AI Act" },
};

export function entryLabel(catalogue: string, id: string): string {
  const alias = Object.values(CATALOGUE_ALIASES).find((a) => a.key === catalogue);
  if (!alias) return id;
  return alias.label.endsWith("§") ? `${alias.label}${id}` : `${alias.label} ${id}`;
}

/** CoSAI `GOVERN-1.6@1.0` → `GOVERN 1.6`; `AML.M0013@5.0.1` → `AML.M0013`. */
export const fromCosai = {
  rmf: (id: string) => id.replace(/@.*$/, "").replace(/^([A-Z]+)-/, "$1 "),
  atlas: (id: string) => id.replace(/@.*$/, ""),
};

/** FINOS keys → our ids; null for keys that are not in our catalogues (annexes, recitals). */
export const fromFinos = {
  iso: (key: string) => `A.${key.replace(/^A-/, "").replaceAll("-", ".")}`,
  owasp: (key: string) => {
    const match = /^llm(\d{2})-(\d{4})$/.exec(key);
    return match ? `LLM${match[1]}:${match[2]}` : null;
  },
  gai: (key: string) => (/^\d+-\d+$/.test(key) ? key.replace("-", ".") : null),
  eu: (key: string) => {
    const match = /^c\d+(?:-s\d+)?-a(\d+)$/.exec(key);
    return match ? `Article ${match[1]}` : null;
  },
};

const ROMAN = /^([IVXL]+)(?:\.S(\d+))?\.A\d+:?\s*/;

function euEntries(standards: Standards): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const [key, value] of Object.entries(standards.finosCatalogues.euAiAct.entries)) {
    const id = fromFinos.eu(key);
    if (!id) continue;
    const prefix = ROMAN.exec(value.title);
    if (!prefix) throw new Error(`EU AI Act ${key}: unexpected title "${value.title}"`);
    // FINOS writes "IX.S5.A89: Article 89 : Monitoring Actions" for one article.
    const title = value.title
      .slice(prefix[0].length)
      .replace(/^Article \d+ : /, "")
      .trim();
    const group = `Chapter ${prefix[1]}${prefix[2] ? `, Section ${prefix[2]}` : ""}`;
    out.push({ id, title, group });
  }
  return out;
}

function paraphrased(paraphrases: Paraphrases, groupOf: (id: string) => string): CatalogueEntry[] {
  return Object.entries(paraphrases.entries).map(([id, title]) => {
    const group = paraphrases.groups[groupOf(id)];
    if (!group) throw new Error(`no group title for ${id}`);
    return { id, title, group };
  });
}

export function buildCatalogues(input: {
  meta: CatalogueMeta[];
  standards: Standards;
  iso: Paraphrases;
  rmf: Paraphrases;
}): Catalogue[] {
  const { standards } = input;
  const entries: Record<string, CatalogueEntry[]> = {
    "owasp-llm-top10": standards.owasp.items.map(({ id, title }) => ({ id, title })),
    "mitre-atlas-mitigations": standards.atlas.mitigations.map((m) => ({
      id: m.id,
      title: m.name,
      ...(m.category.length > 0 ? { group: m.category.join(", ") } : {}),
    })),
    "nist-ai-rmf": paraphrased(input.rmf, (id) => id.split(" ")[0] ?? ""),
    "nist-ai-600-1": Object.entries(standards.finosCatalogues.nistAi6001.entries).map(
      ([key, value]) => {
        const id = fromFinos.gai(key);
        if (!id) throw new Error(`NIST AI 600-1: unexpected key ${key}`);
        return { id, title: value.title.replace(/^\d+\.\d+\.\s*/, "") };
      },
    ),
    "iso-42001-annex-a": paraphrased(input.iso, (id) => id.split(".").slice(0, 2).join(".")),
    "eu-ai-act": euEntries(standards),
  };
  // Every ISO id FINOS cites must be one of the 38 we paraphrased (catches typos either side).
  for (const key of Object.keys(standards.finosCatalogues.iso42001.entries)) {
    if (!(fromFinos.iso(key) in input.iso.entries)) {
      throw new Error(`ISO/IEC 42001 ${key} (FINOS) is missing from iso-42001-annex-a.yaml`);
    }
  }
  if (
    standards.atlas.version !== input.meta.find((m) => m.key === "mitre-atlas-mitigations")?.version
  ) {
    throw new Error(`ATLAS.yaml is version ${standards.atlas.version}; update crosswalk.yaml`);
  }
  return input.meta.map((meta) => {
    const list = entries[meta.key];
    if (!list) throw new Error(`no entries for catalogue ${meta.key}`);
    return { ...meta, entries: list };
  });
}
