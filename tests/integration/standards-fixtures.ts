// A workspace on the built-in frameworks and crosswalk, for the standards tests: members of every
// role with an API token each, and two systems registered through the service (SaaS and agentic,
// so the agent domains have duties). `label` goes into every name, so a leak shows up as text.
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import { seedBuiltInCrosswalks } from "@/lib/server/crosswalks/seed-builtin-crosswalks";
import { seedBuiltInFrameworks } from "@/lib/server/frameworks/seed-builtins";
import { createApiToken } from "@/lib/server/tokens/create-api-token";

import { registerTestSystem, workspaceWithRoles } from "./systems-fixtures";

export async function ensureStandards() {
  if ((await db.framework.count()) === 0) await seedBuiltInFrameworks();
  if ((await db.crosswalk.count({ where: { workspaceId: null } })) === 0) {
    await seedBuiltInCrosswalks();
  }
}

export type StandardsSide = Awaited<ReturnType<typeof standardsSide>>;

export async function standardsSide(label: string) {
  await ensureStandards();
  const side = await workspaceWithRoles(label);
  const chat = await registerTestSystem(side.workspace, side.actor, {
    name: `${label} Chat`,
    primaryModel: "saas_ai",
  });
  const agent = await registerTestSystem(side.workspace, side.actor, {
    name: `${label} Agent`,
    primaryModel: "agentic_ai",
  });
  const tokens = {} as Record<Exclude<Role, "OWNER">, string>;
  for (const role of ["ADMIN", "EDITOR", "AUDITOR", "VIEWER"] as const) {
    const created = await createApiToken({
      workspaceId: side.workspace.id,
      actor: side.actor,
      actorRole: "OWNER",
      createdById: side.owner.id,
      name: `${label} ${role.toLowerCase()}`,
      role,
      expiresAt: null,
    });
    tokens[role] = created.secret;
  }
  return { ...side, systems: { chat, agent }, tokens };
}

export function apiRequest(
  pathname: string,
  secret: string | null,
  init: { method?: string; body?: unknown } = {},
): Request {
  return new Request(`http://localhost${pathname}`, {
    method: init.method ?? "GET",
    headers: {
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export const params = <T extends Record<string, string>>(value: T) => ({
  params: Promise.resolve(value),
});
