import { beforeAll, describe, expect, it } from "vitest";

import { GET as downloadRoute } from "@/app/api/v1/evidence/[evidenceId]/download/route";
import { PUT as linkRoute } from "@/app/api/v1/evidence/[evidenceId]/duties/[dutyId]/route";
import { POST as reviewRoute } from "@/app/api/v1/evidence/[evidenceId]/review/route";
import { POST as uploadRoute } from "@/app/api/v1/evidence/files/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/evidence/route";

import {
  apiRequest,
  createEvidenceWorld,
  evidenceRowCount,
  type EvidenceWorld,
  pdfBytes,
  routeParams,
  sha256,
  storedFiles,
  tokenFor,
  uploadRequest,
} from "../support/evidence-fixtures";

// The positive side of evidence-isolation.test.ts: the same routes work for their own workspace,
// so the 404s there cannot come from a route that refuses everyone.
let a: EvidenceWorld;
let secretA: string;

beforeAll(async () => {
  a = await createEvidenceWorld("api");
  secretA = await tokenFor(a, "ADMIN");
});

describe("API, positive paths (so the isolation cannot over-block)", () => {
  it("uploads through multipart, then downloads the same bytes as a sandboxed attachment", async () => {
    const bytes = pdfBytes(120_000);
    const response = await uploadRoute(
      uploadRequest({
        secret: secretA,
        fileName: "../../etc/Quarterly\u202Efdp.exe.pdf",
        bytes,
        fields: {
          title: "Quarterly access review",
          validUntil: "2099-12-31",
          dutyIds: `${a.customerDuty.id},${a.promptPart.id}`,
        },
      }),
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as {
      id: string;
      file: { name: string; sha256: string };
      validUntil: string;
      links: unknown[];
    };
    expect(created.file.name).toBe("Quarterlyfdp.exe.pdf");
    expect(created.file.sha256).toBe(sha256(bytes));
    expect(created.validUntil).toBe("2099-12-31T23:59:59.999Z");
    expect(created.links).toHaveLength(2);

    const download = await downloadRoute(
      apiRequest(`/api/v1/evidence/${created.id}/download`, secretA),
      routeParams({ evidenceId: created.id }),
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Quarterlyfdp\.exe\.pdf"/,
    );
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toContain("sandbox");
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("refuses a spoofed and an oversize upload through the API, leaving nothing behind", async () => {
    const filesBefore = await storedFiles();
    const rowsBefore = await evidenceRowCount(a.workspace.id);
    const spoofed = await uploadRoute(
      uploadRequest({
        secret: secretA,
        fileName: "invoice.pdf",
        bytes: Buffer.from("<html><script>steal()</script></html>"),
      }),
    );
    expect(spoofed.status).toBe(400);
    expect(((await spoofed.json()) as { error: { message: string } }).error.message).toMatch(
      /HTML, SVG or XML markup/,
    );
    const tooBig = await uploadRoute(
      uploadRequest({ secret: secretA, fileName: "huge.pdf", bytes: pdfBytes(51 * 1024 * 1024) }),
    );
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(
      /limit of 50 MB/,
    );
    const noFile = await uploadRoute(
      new Request("http://localhost/api/v1/evidence/files", {
        method: "POST",
        headers: { authorization: `Bearer ${secretA}` },
        body: (() => {
          const form = new FormData();
          form.append("title", "no file");
          return form;
        })(),
      }),
    );
    expect(noFile.status).toBe(400);
    const badField = await uploadRoute(
      uploadRequest({
        secret: secretA,
        fileName: "ok.pdf",
        bytes: pdfBytes(),
        fields: { kind: "ATTESTATION" },
      }),
    );
    expect(badField.status).toBe(400);
    expect(
      ((await badField.json()) as { error: { fields: Record<string, string[]> } }).error.fields
        .attestationType,
    ).toBeDefined();
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await evidenceRowCount(a.workspace.id)).toBe(rowsBefore);
  });

  it("creates, links, reviews and lists through the API with the right roles", async () => {
    const created = await createRoute(
      apiRequest("/api/v1/evidence", secretA, {
        method: "POST",
        json: {
          kind: "NOTE",
          title: "Prompt filter decision",
          note: "We block **tool** calls <script>x</script>",
        },
      }),
    );
    expect(created.status).toBe(201);
    const note = (await created.json()) as { id: string; note: string };
    expect(note.note).toContain("<script>"); // stored as written; the page renders without raw HTML
    const linked = await linkRoute(
      apiRequest(`/api/v1/evidence/${note.id}/duties/x`, secretA, { method: "PUT" }),
      routeParams({ evidenceId: note.id, dutyId: a.promptPart.id }),
    );
    expect(linked.status).toBe(201);

    const viewer = await tokenFor(a, "VIEWER");
    const forbidden = await reviewRoute(
      apiRequest(`/api/v1/evidence/${note.id}/review`, viewer, {
        method: "POST",
        json: { status: "ACCEPTED" },
      }),
      routeParams({ evidenceId: note.id }),
    );
    expect(forbidden.status).toBe(403);
    const reviewed = await reviewRoute(
      apiRequest(`/api/v1/evidence/${note.id}/review`, secretA, {
        method: "POST",
        json: { status: "ACCEPTED", comment: "ok" },
      }),
      routeParams({ evidenceId: note.id }),
    );
    expect(reviewed.status).toBe(200);
    expect(((await reviewed.json()) as { review: { status: string } }).review.status).toBe(
      "ACCEPTED",
    );

    const badUrl = await createRoute(
      apiRequest("/api/v1/evidence", secretA, {
        method: "POST",
        json: { kind: "LINK", title: "x", url: "javascript:alert(1)" },
      }),
    );
    expect(badUrl.status).toBe(400);

    const page = (await (
      await listRoute(
        apiRequest(
          `/api/v1/evidence?kind=NOTE&domainKey=prompt_safety&state=current,expiring_soon`,
          viewer,
        ),
      )
    ).json()) as { items: { id: string }[]; total: number };
    expect(page.items.map((i) => i.id)).toEqual([note.id]);
  });
});
