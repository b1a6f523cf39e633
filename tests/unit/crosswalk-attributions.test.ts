import path from "node:path";

import { describe, expect, it } from "vitest";

import { listCrosswalkAttributions } from "@/lib/server/crosswalks/list-crosswalk-attributions";

const directory = path.resolve(__dirname, "../../frameworks/crosswalks");

describe("About page credits of the built-in crosswalk", () => {
  it("credits every catalogue and derivation source, with the shipped licence texts", async () => {
    const [crosswalk, ...others] = await listCrosswalkAttributions({ directory });
    expect(others).toEqual([]);
    expect(crosswalk).toMatchObject({ key: "ai-srm-standards", versions: ["1.0.0"], spdx: "MIT" });
    expect(crosswalk!.catalogues.map((c) => [c.name, c.spdx])).toEqual([
      ["OWASP Top 10 for LLM Applications", "CC-BY-SA-4.0"],
      ["MITRE ATLAS mitigations", "Apache-2.0"],
      ["NIST AI Risk Management Framework (AI RMF 1.0) subcategories", null],
      ["NIST AI 600-1 Generative AI Profile, risk categories", null],
      ["ISO/IEC 42001 Annex A controls", null],
      ["EU AI Act articles", null],
    ]);
    for (const c of crosswalk!.catalogues) expect(c.attribution).toBeTruthy();
    expect(crosswalk!.provenance.map((p) => [p.name, p.spdx])).toEqual([
      ["CoSAI Risk Map", "Apache-2.0"],
      ["FINOS AI Governance Framework", "CC-BY-4.0"],
    ]);
    expect(crosswalk!.documents.map((d) => d.fileName)).toEqual([
      "NOTICE.md",
      "LICENSE-cosai-risk-map.md",
      "LICENSE-finos-ai-governance-framework.txt",
      "LICENSE-mitre-atlas.txt",
      "NOTICE-finos-ai-governance-framework.txt",
    ]);
    const finos = crosswalk!.documents.find((d) => d.fileName.startsWith("LICENSE-finos"))!;
    expect(finos.text).toContain("Attribution 4.0 International");
  });
});
