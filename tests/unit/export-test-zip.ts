// Test helpers for bundles: read a ZIP into memory (tests use small ones) and write one back,
// so a test can alter, add or remove a file the way someone tampering with a bundle would.
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";

import yauzl from "yauzl";
import yazl from "yazl";

export async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, z) =>
      error || !z ? reject(error) : resolve(z),
    ),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return files;
}

export async function writeZip(file: string, files: Map<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of files) zip.addBuffer(content, name);
  zip.end();
  const out = createWriteStream(file);
  zip.outputStream.pipe(out);
  await finished(out);
}

/** Copies a ZIP with one change applied to its file map. */
export async function rewriteZip(
  from: string,
  to: string,
  change: (files: Map<string, Buffer>) => void,
): Promise<void> {
  const files = await readZip(from);
  change(files);
  await writeZip(to, files);
}
