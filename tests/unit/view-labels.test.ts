import { describe, expect, it } from "vitest";

import { DUTY_SIDES } from "@/lib/domain/responsibility";
import { SIDE_LABELS } from "@/lib/view/duties/labels";
import { formatBytes } from "@/lib/view/format";

describe("formatBytes (one size format for evidence, exports and upload limits)", () => {
  it("keeps small sizes in bytes and rounds larger ones to binary units", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1023)).toBe("1023 bytes");
    expect(formatBytes(1024)).toBe("1.0 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(25 * 1024 * 1024)).toBe("25 MB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GB");
    expect(formatBytes(2048 * 1024 ** 3)).toBe("2048 GB");
  });
});

describe("side labels", () => {
  it("name every side in the glossary's words, the same wherever they are read", () => {
    expect(Object.keys(SIDE_LABELS).sort()).toEqual([...DUTY_SIDES].sort());
    expect(SIDE_LABELS).toEqual({ CUSTOMER: "Your part", PROVIDER: "Provider's part" });
  });
});
