import { Readable } from "node:stream";
import { text } from "node:stream/consumers";

import { describe, expect, it } from "vitest";

import { createContentCheckStream } from "@/lib/evidence/content-check-stream";
import { resolveFileType } from "@/lib/evidence/file-types";
import { SNIFF_HEAD_BYTES, sniffContent, zipEntryNames } from "@/lib/evidence/sniff-content";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (value: string) => new TextEncoder().encode(value);
const sniff = (head: Uint8Array, complete = true) => sniffContent(head, { complete });

/** A minimal ZIP: local headers only (all the sniffer reads), names in order. */
function zipWith(names: string[]): Uint8Array {
  const parts = names.map((name) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    return Buffer.concat([header, Buffer.from(name), Buffer.from("data")]);
  });
  return Buffer.concat(parts);
}

describe("sniffContent: the allow-list by content", () => {
  it.each([
    ["pdf", ascii("%PDF-1.4\n...")],
    ["png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ["gif", ascii("GIF89a....")],
    ["webp", ascii("RIFF\x10\x00\x00\x00WEBPVP8 ")],
    ["docx", zipWith(["[Content_Types].xml", "_rels/.rels", "word/document.xml"])],
    ["xlsx", zipWith(["[Content_Types].xml", "xl/workbook.xml"])],
    ["pptx", zipWith(["_rels/.rels", "[Content_Types].xml", "ppt/presentation.xml"])],
    ["text", ascii("control,owner\nsso,alice\n")],
    ["text", ascii('{"soc2": true}')],
    ["text", ascii("# Decision\n\nWe accept the **risk**. Ünïcode is fine: ✓")],
  ] as const)("recognises %s", (type, head) => {
    expect(sniff(head)).toEqual({ ok: true, type });
  });

  it.each([
    ["<!DOCTYPE html><p>", /starts with "<!DOCTYPE html"/],
    ["\uFEFF \n\t<html>", /starts with "<html"/],
    ["<svg xmlns='http://www.w3.org/2000/svg'/>", /<svg/],
    ["  <script>alert(1)</script>", /<script/],
    ['<?xml version="1.0"?><root/>', /<\?xml/],
    ["Quarterly report\n<iframe src=x>", /"<iframe"/],
  ])("refuses markup %j, naming it", (content, message) => {
    const result = sniff(ascii(content));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(message);
  });

  it("refuses other archives, executables, binary and empty files with a clear reason", () => {
    expect(sniff(zipWith(["evil.html"]))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/ZIP archive but not a Word/),
    });
    expect(sniff(ascii("MZ\x90\x00"))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/Windows executable/),
    });
    expect(sniff(bytes(0x61, 0x00, 0x62))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/NUL bytes/),
    });
    expect(sniff(bytes(0xc3, 0x28))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not valid UTF-8/),
    });
    expect(sniff(new Uint8Array())).toEqual({ ok: false, problem: "The file is empty." });
  });

  it("tolerates a multi-byte character cut at the end of an incomplete head only", () => {
    const cut = Buffer.from("abc ✓").subarray(0, 5);
    expect(sniff(cut, false)).toEqual({ ok: true, type: "text" });
    expect(sniff(cut, true).ok).toBe(false);
  });

  it("reads ZIP entry names from local headers", () => {
    expect(zipEntryNames(zipWith(["a.txt", "b/c.xml"]))).toEqual(["a.txt", "b/c.xml"]);
  });
});

describe("resolveFileType: the name must agree with the content", () => {
  it("refuses a name of another accepted type, and unknown extensions", () => {
    expect(resolveFileType({ fileName: "scan.pdf", type: "png" })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/named \.pdf/),
    });
    expect(resolveFileType({ fileName: "page.html", type: "text" })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/\.html are not accepted/),
    });
  });

  it("adds the usual extension when there is none and picks the text flavour", () => {
    expect(resolveFileType({ fileName: "report", type: "pdf" })).toMatchObject({
      ok: true,
      fileName: "report.pdf",
    });
    expect(resolveFileType({ fileName: "a.CSV", type: "text" })).toMatchObject({
      ok: true,
      contentType: "text/csv; charset=utf-8",
    });
    expect(resolveFileType({ fileName: "photo.JPEG", type: "jpeg" })).toMatchObject({
      ok: true,
      contentType: "image/jpeg",
    });
  });
});

describe("createContentCheckStream", () => {
  const through = async (chunks: Buffer[], fileName: string) => {
    const check = createContentCheckStream({ fileName });
    const output = await text(Readable.from(chunks).pipe(check.stream));
    return { output, type: check.result() };
  };

  it("passes every byte through unchanged, in small and large chunks", async () => {
    const big = "x".repeat(SNIFF_HEAD_BYTES * 2 + 17);
    const result = await through(
      [Buffer.from(big.slice(0, 10)), Buffer.from(big.slice(10))],
      "big.txt",
    );
    expect(result.output).toBe(big);
    expect(result.type).toMatchObject({ type: "text", fileName: "big.txt" });
  });

  it("fails on invalid UTF-8 after the sniffed head", async () => {
    const check = createContentCheckStream({ fileName: "log.txt" });
    const source = Readable.from([
      Buffer.alloc(SNIFF_HEAD_BYTES + 10, "a"),
      Buffer.from([0xff, 0xfe]),
    ]);
    await expect(text(source.pipe(check.stream))).rejects.toThrow(/not valid UTF-8 throughout/);
  });
});
