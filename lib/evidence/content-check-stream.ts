import { Transform } from "node:stream";

import { ValidationError } from "@/lib/errors";
import { type ResolvedFileType, resolveFileType } from "@/lib/evidence/file-types";
import { SNIFF_HEAD_BYTES, sniffContent } from "@/lib/evidence/sniff-content";

export type CheckedFileType = Extract<ResolvedFileType, { ok: true }>;

/**
 * A pass-through stream that holds back only the first SNIFF_HEAD_BYTES, decides the type from
 * them (refusing with a ValidationError on the "file" field), then lets the rest flow. Text files
 * stay under watch to the last byte: a NUL byte or invalid UTF-8 later in the file fails it too.
 * Failing the stream makes storage.put discard what it wrote, so a refusal leaves nothing behind.
 */
export function createContentCheckStream({ fileName }: { fileName: string }) {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let resolved: CheckedFileType | undefined;
  let textDecoder: TextDecoder | undefined;

  const refuse = (problem: string) => ValidationError.forField("file", problem);

  function decide(head: Buffer, complete: boolean): void {
    const sniffed = sniffContent(head, { complete });
    if (!sniffed.ok) throw refuse(sniffed.problem);
    const checked = resolveFileType({ fileName, type: sniffed.type });
    if (!checked.ok) throw refuse(checked.problem);
    resolved = checked;
    if (checked.type === "text") textDecoder = new TextDecoder("utf-8", { fatal: true });
  }

  function watchText(chunk: Buffer): void {
    if (!textDecoder) return;
    if (chunk.includes(0))
      throw refuse("The text file contains binary data (NUL bytes); it is not accepted as text.");
    try {
      textDecoder.decode(chunk, { stream: true });
    } catch {
      throw refuse("The text file is not valid UTF-8 throughout; it is not accepted as text.");
    }
  }

  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        if (resolved) {
          watchText(chunk);
          callback(null, chunk);
          return;
        }
        held.push(chunk);
        heldBytes += chunk.length;
        if (heldBytes < SNIFF_HEAD_BYTES) {
          callback();
          return;
        }
        const head = Buffer.concat(held);
        held = [];
        decide(head, false);
        watchText(head);
        callback(null, head);
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        if (!resolved) {
          const head = Buffer.concat(held);
          held = [];
          decide(head, true);
          watchText(head);
          this.push(head);
        }
        if (textDecoder) {
          try {
            textDecoder.decode(); // throws when the file ends inside a multi-byte character
          } catch {
            throw refuse(
              "The text file ends with an incomplete UTF-8 character; it is not accepted as text.",
            );
          }
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });

  return {
    stream,
    /** The checked type, available once the stream has finished. */
    result(): CheckedFileType {
      if (!resolved) throw new Error("content check: stream not finished");
      return resolved;
    },
  };
}
