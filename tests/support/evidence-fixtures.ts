// Fixtures of the evidence-*.test.ts files: a workspace with a member, an AI system (with its
// vendor, responsibilities and parts written directly with Prisma, as the registry would), API
// tokens, and helpers to inspect the evidence storage directory.
import { createHash, randomBytes, randomFillSync } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { evidenceStorage, evidenceStorageRoot } from "@/lib/storage/evidence-storage";
import { newObjectKey } from "@/lib/storage/storage";

export type EvidenceWorld = Awaited<ReturnType<typeof createEvidenceWorld>>;

const tag = () => randomBytes(4).toString("hex");

/** One tenant: OWNER user, vendor, system with an S (customer + provider) and a C responsibility. */
export async function createEvidenceWorld(prefix: string) {
  const slug = `${prefix}-${tag()}`;
  const workspace = await db.workspace.create({
    data: { slug, name: `Workspace ${slug}` },
    select: { id: true, slug: true },
  });
  const user = await db.user.create({ data: { email: `${slug}@example.com`, name: prefix } });
  await db.membership.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "OWNER" },
  });
  const framework = await db.framework.create({
    data: {
      scopeKey: workspace.id,
      workspaceId: workspace.id,
      key: `fw-${tag()}`,
      name: "Test framework",
      publisher: "Tests",
    },
  });
  const version = await db.frameworkVersion.create({
    data: { frameworkId: framework.id, version: "1.0.0", definition: {}, definitionHash: tag() },
  });
  const vendor = await db.vendor.create({
    data: { workspaceId: workspace.id, name: `Vendor ${slug}` },
  });
  const system = await db.aiSystem.create({
    data: {
      workspaceId: workspace.id,
      name: `System ${slug}`,
      frameworkVersionId: version.id,
      primaryModel: "saas",
      deploymentModels: ["saas"],
      vendorId: vendor.id,
      lifecycle: "PRODUCTION",
    },
  });
  const shared = await db.responsibility.create({
    data: {
      workspaceId: workspace.id,
      systemId: system.id,
      domainKey: "access_control",
      derivedValue: "S",
      value: "S",
    },
  });
  const customerOnly = await db.responsibility.create({
    data: {
      workspaceId: workspace.id,
      systemId: system.id,
      domainKey: "prompt_safety",
      derivedValue: "C",
      value: "C",
    },
  });
  const part = (responsibilityId: string, domainKey: string, side: "CUSTOMER" | "PROVIDER") =>
    db.duty.create({
      data: { workspaceId: workspace.id, responsibilityId, systemId: system.id, domainKey, side },
    });
  const customerDuty = await part(shared.id, "access_control", "CUSTOMER");
  const providerDuty = await part(shared.id, "access_control", "PROVIDER");
  const promptPart = await part(customerOnly.id, "prompt_safety", "CUSTOMER");
  const actor: AuditActor = { type: "USER", id: user.id, label: user.email };
  return { workspace, user, vendor, system, customerDuty, providerDuty, promptPart, actor };
}

export async function tokenFor(world: EvidenceWorld, role: Role = "ADMIN"): Promise<string> {
  const token = await createApiToken({
    workspaceId: world.workspace.id,
    actor: SYSTEM_ACTOR,
    actorRole: "OWNER",
    createdById: world.user.id,
    name: `test ${role}`,
    role,
    expiresAt: null,
  });
  return token.secret;
}

/** Every file under the evidence storage root (objects and temporary files), relative paths. */
export async function storedFiles(): Promise<string[]> {
  const root = evidenceStorageRoot();
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export function objectPath(storageKey: string): string {
  return path.join(
    evidenceStorageRoot(),
    "objects",
    storageKey.slice(0, 2),
    storageKey.slice(2, 4),
    storageKey,
  );
}

export async function sha256OfFile(filePath: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(filePath))
    .digest("hex");
}

export const sha256 = (bytes: Uint8Array | string) =>
  createHash("sha256").update(bytes).digest("hex");

/** A small but valid-looking PDF (the sniffer needs only the header; the rest is filler). */
export function pdfBytes(size = 4096): Buffer {
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
  const body = Buffer.alloc(Math.max(0, size - head.length), 0x41);
  return Buffer.concat([head, body]);
}

export function streamOf(bytes: Buffer, chunkSize = 16 * 1024): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize)
    chunks.push(bytes.subarray(offset, offset + chunkSize));
  return Readable.from(chunks);
}

/** A stream that delivers some bytes, then fails like a dropped connection. */
export function interruptedStream(bytes: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(bytes);
        return;
      }
      setImmediate(() => this.destroy(new Error("connection reset by peer")));
    },
  });
}

export function evidenceRowCount(workspaceId: string) {
  return db.evidence.count({ where: { workspaceId } });
}

export function apiRequest(
  pathname: string,
  secret: string,
  init: RequestInit & { json?: unknown } = {},
) {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set("authorization", `Bearer ${secret}`);
  if (json !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${pathname}`, {
    ...rest,
    headers,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
}

export function uploadRequest({
  secret,
  fileName,
  bytes,
  fields = {},
}: {
  secret: string;
  fileName: string;
  bytes: Uint8Array;
  fields?: Record<string, string>;
}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([Uint8Array.from(bytes)]), fileName);
  return new Request("http://localhost/api/v1/evidence/files", {
    method: "POST",
    headers: { authorization: `Bearer ${secret}` },
    body: form,
  });
}

export const routeParams = <T extends Record<string, string>>(params: T) => ({
  params: Promise.resolve(params),
});

/**
 * Adds `count` evidence files of `bytes` each, linked to the world's customer part; `random`
 * content compresses like real documents (barely), so zipping it takes real time.
 */
export async function addEvidenceFiles(
  world: Pick<EvidenceWorld, "workspace" | "customerDuty">,
  count: number,
  bytes: number,
  { random = false }: { random?: boolean } = {},
) {
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const content = pdfBytes(bytes);
    if (random) randomFillSync(content, 16);
    const stored = await evidenceStorage().put(newObjectKey(), streamOf(content), {
      maxBytes: bytes + 1,
    });
    rows.push({
      workspaceId: world.workspace.id,
      kind: "FILE" as const,
      title: `Bulk evidence ${i}`,
      fileName: `bulk-${i}.pdf`,
      contentType: "application/pdf",
      sizeBytes: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      reviewStatus: "ACCEPTED" as const,
    });
  }
  const created = await db.evidence.createManyAndReturn({ data: rows, select: { id: true } });
  await db.evidenceLink.createMany({
    data: created.map((e) => ({
      workspaceId: world.workspace.id,
      evidenceId: e.id,
      dutyId: world.customerDuty.id,
    })),
  });
}
