import { describe, expect, it } from "vitest";

import { assignEvidencePaths, sanitiseFileName, slugify } from "@/lib/export-bundle/evidence-path";
import { buildChecksums, parseChecksums } from "@/lib/export-bundle/manifest";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

describe("checksums.sha256", () => {
  it("writes sha256sum's text format and parses it back", () => {
    const files = [
      { path: "manifest.json", bytes: 10, sha256: HASH_A },
      { path: "evidence/chat-bot/abc12345-policy.pdf", bytes: 3, sha256: HASH_B },
    ];
    const text = buildChecksums(files);
    expect(text).toBe(
      `${HASH_A}  manifest.json\n${HASH_B}  evidence/chat-bot/abc12345-policy.pdf\n`,
    );
    expect(parseChecksums(text)).toEqual({
      ok: true,
      lines: files.map(({ path, sha256 }) => ({ path, sha256 })),
    });
  });

  it("names the first malformed line", () => {
    expect(parseChecksums(`${HASH_A}  ok.txt\nnot a line\n`)).toEqual({ ok: false, line: 2 });
  });
});

describe("evidence paths", () => {
  it("keeps names readable and safe", () => {
    expect(slugify("Ärzte Chat-Bot (EU)", "x")).toBe("arzte-chat-bot-eu");
    expect(slugify("***", "unlinked")).toBe("unlinked");
    expect(sanitiseFileName("../../etc/Pass Wd.PDF")).toBe("pass-wd.pdf");
    expect(sanitiseFileName("C:\\evil\\report.final.docx")).toBe("report-final.docx");
    expect(sanitiseFileName(".hidden")).toBe("hidden");
  });

  it("never gives two files the same path, even with the same name and id suffix", () => {
    const paths = assignEvidencePaths([
      { evidenceId: "cm0000000000aaaaaaaa", group: "Chat Bot", fileName: "report.pdf" },
      { evidenceId: "cm1111111111aaaaaaaa", group: "Chat Bot", fileName: "report.pdf" },
      { evidenceId: "cm2222222222bbbbbbbb", group: "chat bot", fileName: "Report.PDF" },
    ]);
    const values = [...paths.values()];
    expect(new Set(values).size).toBe(3);
    expect(values[0]).toBe("evidence/chat-bot/aaaaaaaa-report.pdf");
    expect(values[1]).toBe("evidence/chat-bot/aaaaaaaa-2-report.pdf");
    for (const value of values) expect(value).toMatch(/^evidence\/[a-z0-9-]+\/[a-z0-9.-]+$/);
  });
});
