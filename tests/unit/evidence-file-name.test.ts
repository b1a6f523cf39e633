import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  attachmentContentDisposition,
  MAX_FILE_NAME_LENGTH,
  sanitiseFileName,
} from "@/lib/evidence/file-name";

describe("sanitiseFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\fakepath\\Q3 review.pdf", "Q3 review.pdf"],
    [".htaccess", "htaccess"],
    ["...hidden.txt", "hidden.txt"],
    ["report\u0000\u0007\r\n.pdf", "report .pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ['a<b>c:d"e|f?g*h.txt', "a_b_c_d_e_f_g_h.txt"],
    ["trailing dots...  ", "trailing dots"],
    ["  many   spaces\there.md ", "many spaces here.md"],
    ["CON.txt", "_CON.txt"],
    ["", "evidence"],
    ["/", "evidence"],
    ["..", "evidence"],
    ["Café e\u0301.pdf", "Café é.pdf"],
  ])("%j → %j", (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it("bounds the length and keeps the extension", () => {
    const name = sanitiseFileName(`${"a".repeat(500)}.pdf`);
    expect([...name].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("never returns a separator, control character, leading dot or empty name (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (raw) => {
        const name = sanitiseFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(name.startsWith(".")).toBe(false);
        expect(sanitiseFileName(name)).toBe(name);
      }),
    );
  });
});

describe("attachmentContentDisposition", () => {
  it("always says attachment, with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentContentDisposition('Prüfbericht "final".pdf')).toBe(
      `attachment; filename="Prufbericht _final_.pdf"; filename*=UTF-8''Pr%C3%BCfbericht%20_final_.pdf`,
    );
    expect(attachmentContentDisposition("a\r\nSet-Cookie: x.txt")).not.toMatch(/[\r\n]/);
  });
});
