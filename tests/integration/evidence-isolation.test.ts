import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as sessionDownloadRoute } from "@/app/(app)/w/[workspaceSlug]/evidence/[evidenceId]/download/route";
import { GET as downloadRoute } from "@/app/api/v1/evidence/[evidenceId]/download/route";
import {
  DELETE as unlinkRoute,
  PUT as linkRoute,
} from "@/app/api/v1/evidence/[evidenceId]/duties/[dutyId]/route";
import { POST as purgeRoute } from "@/app/api/v1/evidence/[evidenceId]/purge/route";
import { POST as reviewRoute } from "@/app/api/v1/evidence/[evidenceId]/review/route";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/api/v1/evidence/[evidenceId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/evidence/route";
import { setSessionForTests } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { linkEvidenceToDuty } from "@/lib/server/evidence/link-evidence-to-duty";
import { openEvidenceDownload } from "@/lib/server/evidence/open-evidence-download";
import { purgeEvidence } from "@/lib/server/evidence/purge-evidence";
import { reviewEvidence } from "@/lib/server/evidence/review-evidence";
import { unlinkEvidenceFromDuty } from "@/lib/server/evidence/unlink-evidence-from-duty";
import { uploadFileEvidence } from "@/lib/server/evidence/upload-file-evidence";

import {
  apiRequest,
  createEvidenceWorld,
  type EvidenceWorld,
  pdfBytes,
  routeParams,
  sha256,
  streamOf,
  tokenFor,
} from "../support/evidence-fixtures";

let a: EvidenceWorld;
let b: EvidenceWorld;
let secretB: string;
let fileOfA: { id: string; bytes: Buffer };
let linkOfA: { id: string };
const SECRET_TITLE = "Alpha confidential red-team report";

beforeAll(async () => {
  a = await createEvidenceWorld("alpha");
  b = await createEvidenceWorld("beta");
  secretB = await tokenFor(b, "ADMIN");
  const bytes = pdfBytes(50_000);
  const uploaded = await uploadFileEvidence({
    workspaceId: a.workspace.id,
    actor: a.actor,
    fields: { kind: "FILE", title: SECRET_TITLE, dutyIds: [a.customerDuty.id] },
    file: { source: streamOf(bytes), fileName: "red-team.pdf" },
  });
  fileOfA = { id: uploaded.id, bytes };
  linkOfA = await createEvidence({
    workspaceId: a.workspace.id,
    actor: a.actor,
    input: { kind: "LINK", title: "Alpha wiki", url: "https://wiki.alpha.example/ai" },
  });
});

afterAll(() => setSessionForTests(undefined));

async function expectApiNotFound(response: Response) {
  expect(response.status).toBe(404);
  const body = await response.text();
  expect(JSON.parse(body)).toMatchObject({ error: { code: "NOT_FOUND" } });
  expect(body).not.toContain(SECRET_TITLE);
}

describe("workspace B cannot reach workspace A's evidence", () => {
  it("every service answers 404 for A's id in B's workspace", async () => {
    const inB = { workspaceId: b.workspace.id, actor: b.actor, evidenceId: fileOfA.id };
    await expect(getEvidence(inB)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openEvidenceDownload(inB)).rejects.toBeInstanceOf(NotFoundError);
    await expect(linkEvidenceToDuty({ ...inB, dutyId: b.customerDuty.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      unlinkEvidenceFromDuty({ ...inB, dutyId: a.customerDuty.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewEvidence({ ...inB, review: { status: "ACCEPTED" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteEvidence(inB)).rejects.toBeInstanceOf(NotFoundError);
    await expect(purgeEvidence(inB)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createEvidence({
        workspaceId: b.workspace.id,
        actor: b.actor,
        input: {
          kind: "LINK",
          title: "hijack",
          url: "https://x.example",
          supersedesId: linkOfA.id,
        },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const itemOfA = await getEvidence({ workspaceId: a.workspace.id, evidenceId: fileOfA.id });
    expect(itemOfA).toMatchObject({
      state: "current",
      deletedAt: null,
      review: { status: "PENDING" },
    });
    expect(itemOfA.links.map((l) => l.dutyId)).toEqual([a.customerDuty.id]);
  });

  it("every API route answers 404 to B's token for A's id", async () => {
    const id = fileOfA.id;
    const params = routeParams({ evidenceId: id });
    await expectApiNotFound(await getRoute(apiRequest(`/api/v1/evidence/${id}`, secretB), params));
    await expectApiNotFound(
      await downloadRoute(apiRequest(`/api/v1/evidence/${id}/download`, secretB), params),
    );
    await expectApiNotFound(
      await reviewRoute(
        apiRequest(`/api/v1/evidence/${id}/review`, secretB, {
          method: "POST",
          json: { status: "ACCEPTED" },
        }),
        params,
      ),
    );
    await expectApiNotFound(
      await deleteRoute(
        apiRequest(`/api/v1/evidence/${id}`, secretB, { method: "DELETE" }),
        params,
      ),
    );
    await expectApiNotFound(
      await purgeRoute(
        apiRequest(`/api/v1/evidence/${id}/purge`, secretB, { method: "POST" }),
        params,
      ),
    );
    const dutyParams = routeParams({ evidenceId: id, dutyId: b.customerDuty.id });
    await expectApiNotFound(
      await linkRoute(
        apiRequest(`/api/v1/evidence/${id}/duties/x`, secretB, { method: "PUT" }),
        dutyParams,
      ),
    );
    await expectApiNotFound(
      await unlinkRoute(
        apiRequest(`/api/v1/evidence/${id}/duties/x`, secretB, { method: "DELETE" }),
        routeParams({ evidenceId: id, dutyId: a.customerDuty.id }),
      ),
    );
    // B's own evidence linked to A's part: 404 too, and nothing written.
    const own = await createEvidence({
      workspaceId: b.workspace.id,
      actor: b.actor,
      input: { kind: "NOTE", title: "B note", note: "# hi" },
    });
    await expectApiNotFound(
      await linkRoute(
        apiRequest(`/api/v1/evidence/${own.id}/duties/x`, secretB, { method: "PUT" }),
        routeParams({ evidenceId: own.id, dutyId: a.customerDuty.id }),
      ),
    );
    const response = await createRoute(
      apiRequest("/api/v1/evidence", secretB, {
        method: "POST",
        json: { kind: "LINK", title: "x", url: "https://x.example", dutyIds: [a.providerDuty.id] },
      }),
    );
    await expectApiNotFound(response);
    const listed = await (
      await listRoute(apiRequest("/api/v1/evidence?pageSize=100", secretB))
    ).json();
    expect(JSON.stringify(listed)).not.toContain(SECRET_TITLE);
    expect(
      (await db.evidenceLink.findMany({ where: { dutyId: a.customerDuty.id } })).map(
        (l) => l.evidenceId,
      ),
    ).toEqual([id]);
  });

  it("the session download route answers 404 to a member of B, and serves A's member", async () => {
    setSessionForTests(b.user.id);
    const notMine = await sessionDownloadRoute(
      new Request(`http://localhost/w/${b.workspace.slug}/evidence/${fileOfA.id}/download`),
      routeParams({ workspaceSlug: b.workspace.slug, evidenceId: fileOfA.id }),
    ).then(
      (r) => r.status,
      (e: { digest?: string }) => String(e.digest),
    );
    expect(String(notMine)).toMatch(/404/);
    const notMember = await sessionDownloadRoute(
      new Request(`http://localhost/w/${a.workspace.slug}/evidence/${fileOfA.id}/download`),
      routeParams({ workspaceSlug: a.workspace.slug, evidenceId: fileOfA.id }),
    ).then(
      (r) => r.status,
      (e: { digest?: string }) => String(e.digest),
    );
    expect(String(notMember)).toMatch(/404/);

    setSessionForTests(a.user.id);
    const mine = await sessionDownloadRoute(
      new Request(`http://localhost/w/${a.workspace.slug}/evidence/${fileOfA.id}/download`),
      routeParams({ workspaceSlug: a.workspace.slug, evidenceId: fileOfA.id }),
    );
    expect(mine.status).toBe(200);
    expect(sha256(Buffer.from(await mine.arrayBuffer()))).toBe(sha256(fileOfA.bytes));
  });
});
