// Shared by the api-*.test.ts files: one workspace with a member of every role, a vendor, a system
// linked to it, one customer duty and a token of every role the API grants; and a caller that
// hands a route handler what Next would.
import { db } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { createVendor } from "@/lib/server/vendors/create-vendor";

import { registerTestSystem, workspaceWithRoles } from "./systems-fixtures";

export type ApiSide = Awaited<ReturnType<typeof buildApiSide>>;
export type TokenRole = "ADMIN" | "EDITOR" | "AUDITOR" | "VIEWER";

export async function buildApiSide(label: string) {
  const roles = await workspaceWithRoles(label);
  const vendor = await createVendor({
    workspaceId: roles.workspace.id,
    actor: roles.actor,
    fields: {
      name: `${label} Vendor Secret`,
      kind: null,
      website: null,
      contactName: null,
      contactEmail: null,
      notes: null,
    },
  });
  const system = await registerTestSystem(roles.workspace, roles.actor, {
    primaryModel: "paas_ai",
    name: `${label} System Secret`,
    vendorId: vendor.id,
  });
  const duty = await db.duty.findFirstOrThrow({
    where: { systemId: system.id, side: "CUSTOMER" },
  });
  const tokens = {} as Record<TokenRole, string>;
  const tokenIds = {} as Record<TokenRole, string>;
  for (const role of ["ADMIN", "EDITOR", "AUDITOR", "VIEWER"] as const) {
    const created = await createApiToken({
      workspaceId: roles.workspace.id,
      actor: roles.actor,
      actorRole: "OWNER",
      createdById: roles.owner.id,
      name: `${label} ${role}`,
      role,
      expiresAt: null,
    });
    tokens[role] = created.secret;
    tokenIds[role] = created.id;
  }
  return { ...roles, vendor, system, duty, tokens, tokenIds };
}

type Handler = (
  request: Request,
  context?: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export function callApi(
  handler: Handler,
  input: {
    token: string;
    method?: string;
    path?: string;
    params?: Record<string, string>;
    body?: unknown;
  },
): Promise<Response> {
  return handler(
    new Request(`http://localhost${input.path ?? "/api/v1/x"}`, {
      method: input.method ?? "GET",
      headers: { authorization: `Bearer ${input.token}`, "content-type": "application/json" },
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
    }),
    { params: Promise.resolve(input.params ?? {}) },
  );
}
