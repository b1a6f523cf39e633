// Two workspaces for the dashboard tests, written through the coverage fixtures (the engine's own
// test data), plus a member per workspace to sign in as and an API token per workspace.
import { db } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { snapshotBuilder, writeWorkspace } from "@/tests/support/coverage-fixtures";
import { memberWithRole } from "@/tests/support/identity-fixtures";

export type DashboardSide = Awaited<ReturnType<typeof buildDashboardSide>>;

/**
 * A workspace with a covered duty, a Shared duty covered on neither side, a critical unowned
 * duty, a not-started one, an NA one and an archived system. `label` goes into every name, so a
 * leak of the other workspace's data shows up as its label in a serialised page.
 */
export async function buildDashboardSide(label: string, options: { domainPrefix?: string } = {}) {
  const d = (key: string) => `${options.domainPrefix ?? ""}${key}`;
  const ws = snapshotBuilder();
  const first = ws.addSystem({
    name: `${label} Chatbot`,
    riskTier: "HIGH",
    deploymentModels: ["saas", "agents"],
  });
  const second = ws.addSystem({
    name: `=${label} Formula`,
    riskTier: "CRITICAL",
    deploymentModels: ["paas"],
  });
  const archived = ws.addSystem({ name: `${label} Archived`, archived: true });
  const [covered] = ws.addDuty({ system: first, domainKey: d("governance"), value: "C" });
  Object.assign(covered!, { ownerId: "owner-ada", status: "IMPLEMENTED" });
  ws.addLink(covered!, ws.addEvidence());
  const shared = ws.addDuty({ system: first, domainKey: d("data"), value: "S" });
  Object.assign(shared[0]!, { ownerId: "owner-bo", status: "IMPLEMENTED" });
  ws.addDuty({ system: first, domainKey: d("agents"), value: "C" });
  ws.responsibilities.at(-1)!.critical = true;
  const [notStarted] = ws.addDuty({ system: second, domainKey: d("governance"), value: "C" });
  Object.assign(notStarted!, { ownerId: "owner-bo" });
  ws.addDuty({ system: second, domainKey: d("identity"), value: "NA" });
  ws.addDuty({ system: archived, domainKey: d("governance"), value: "C" });
  ws.memberOwners = ["owner-ada", "owner-bo"];
  const workspaceId = await writeWorkspace(ws);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const viewer = await memberWithRole(workspaceId, "VIEWER", `${label.toLowerCase()}-viewer`);
  const token = await createApiToken({
    workspaceId,
    actor: { type: "USER", id: viewer.user.id, label: viewer.user.email },
    actorRole: "OWNER",
    createdById: viewer.user.id,
    name: `${label} reader`,
    role: "VIEWER",
    expiresAt: null,
  });
  return {
    workspace,
    viewer: viewer.user,
    secret: token.secret,
    systems: { first, second, archived },
    domains: { governance: d("governance"), data: d("data"), agents: d("agents") },
  };
}

export const routeContext = <T extends Record<string, string>>(params: T) => ({
  params: Promise.resolve(params),
});

export function bearer(pathname: string, secret: string | null): Request {
  return new Request(`http://localhost${pathname}`, {
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
  });
}

/** JSON of anything a page returns (React elements included), for "leaks nothing" checks. */
export function serialise(value: unknown): string {
  const seen = new WeakSet();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "function") return undefined;
    if (item && typeof item === "object") {
      if (seen.has(item)) return undefined;
      seen.add(item);
    }
    return item;
  });
}
