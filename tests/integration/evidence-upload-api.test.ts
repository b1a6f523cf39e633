import { beforeAll, describe, expect, it } from "vitest";

import { POST as uploadRoute } from "@/app/api/v1/evidence/files/route";

import {
  createEvidenceWorld,
  evidenceRowCount,
  type EvidenceWorld,
  pdfBytes,
  storedFiles,
  tokenFor,
} from "../support/evidence-fixtures";

let world: EvidenceWorld;
let secret: string;
const BOUNDARY = "----evidence-test-boundary";

beforeAll(async () => {
  world = await createEvidenceWorld("upload-api");
  secret = await tokenFor(world, "EDITOR");
});

const part = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePartHead = (fileName: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`;

/** A chunked request body (no Content-Length), as a client streaming a large file sends it. */
function streamingRequest(chunks: Uint8Array[], { failAtEnd = false } = {}) {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < chunks.length) {
        controller.enqueue(chunks[index++]!);
      } else if (failAtEnd) {
        controller.error(new Error("client went away"));
      } else {
        controller.close();
      }
    },
  });
  return new Request("http://localhost/api/v1/evidence/files", {
    method: "POST",
    headers: {
      authorization: `Bearer ${secret}`,
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body,
    duplex: "half",
  } as RequestInit);
}

function slices(bytes: Buffer, size = 256 * 1024): Buffer[] {
  const result: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    result.push(bytes.subarray(offset, offset + size));
  return result;
}

async function expectNothingLeft(run: () => Promise<Response>) {
  const files = await storedFiles();
  const rows = await evidenceRowCount(world.workspace.id);
  const response = await run();
  expect(await storedFiles()).toEqual(files);
  expect(await evidenceRowCount(world.workspace.id)).toBe(rows);
  return response;
}

describe("streaming multipart upload", () => {
  it("accepts fields after the file part", async () => {
    const bytes = pdfBytes(600_000);
    const response = await uploadRoute(
      streamingRequest([
        Buffer.from(filePartHead("late-fields.pdf")),
        ...slices(bytes),
        Buffer.from(
          `\r\n${part("title", "Fields after the file")}${part("dutyIds", world.customerDuty.id)}--${BOUNDARY}--\r\n`,
        ),
      ]),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      title: string;
      file: { sizeBytes: number };
      links: unknown[];
    };
    expect(body).toMatchObject({
      title: "Fields after the file",
      file: { sizeBytes: bytes.length },
    });
    expect(body.links).toHaveLength(1);
  });

  it("aborts an oversize body without Content-Length while streaming, keeping nothing", async () => {
    const response = await expectNothingLeft(() =>
      uploadRoute(
        streamingRequest([
          Buffer.from(filePartHead("big.pdf")),
          ...slices(pdfBytes(51 * 1024 * 1024), 1024 * 1024),
        ]),
      ),
    );
    const text = await response.clone().text();
    expect(response.status, text).toBe(413);
  });

  it("keeps nothing when the client disconnects mid-file", async () => {
    const response = await expectNothingLeft(() =>
      uploadRoute(
        streamingRequest(
          [
            Buffer.from(part("title", "cut")),
            Buffer.from(filePartHead("cut.pdf")),
            pdfBytes(300_000),
          ],
          { failAtEnd: true },
        ),
      ),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /interrupted/,
    );
  });

  it("refuses a second file and a field of invalid dates, keeping nothing", async () => {
    const twoFiles = await expectNothingLeft(() =>
      uploadRoute(
        streamingRequest([
          Buffer.from(filePartHead("one.pdf")),
          pdfBytes(1000),
          Buffer.from(`\r\n${filePartHead("two.pdf")}`),
          pdfBytes(1000),
          Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
        ]),
      ),
    );
    expect(twoFiles.status).toBe(400);
    const badDate = await expectNothingLeft(() =>
      uploadRoute(
        streamingRequest([
          Buffer.from(part("validUntil", "2026-02-30")),
          Buffer.from(filePartHead("one.pdf")),
          pdfBytes(1000),
          Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
        ]),
      ),
    );
    expect(badDate.status).toBe(400);
    expect(
      ((await badDate.json()) as { error: { fields: Record<string, string[]> } }).error.fields
        .validUntil,
    ).toBeDefined();
  });
});
