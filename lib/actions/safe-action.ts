import "server-only";

import { headers } from "next/headers";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";

import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { getSession } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError, toActionError, UnauthorizedError } from "@/lib/errors";
import {
  requestIdFrom,
  runWithRequestContext,
  setRequestWorkspace,
} from "@/lib/log/request-context";
import type { AuditActor } from "@/lib/server/audit/record-audit-event";
import { findWorkspaceMembership } from "@/lib/server/workspaces/find-workspace-membership";

/*
 * THE server action chain. Every server action in the app is built from one of these three
 * clients; no bare "use server" function may skip them.
 *
 *   actionClient                public actions (sign-in, sign-up); errors mapped, input validated
 *   authenticatedActionClient   + a signed-in, still active user: ctx.user, ctx.sessionId, ctx.actor
 *   workspaceActionClient       + the workspace from the FIRST BOUND ARGUMENT (its slug, as in the
 *                               URL, never the body): membership checked (non-members and unknown
 *                               slugs → 404), role checked against metadata.permission (→ 403):
 *                               ctx.workspace {id, slug, name}, ctx.role, ctx.membershipId
 *
 * Define an action in lib/actions/<domain>.ts (a "use server" file, one per domain, so any
 * component may import it; never under app/):
 *
 *   export const renameSystemAction = workspaceActionClient
 *     .metadata({ name: "system.rename", permission: "system.update" })
 *     .inputSchema(renameSystemSchema)                    // from lib/validation/<domain>.ts
 *     .action(async ({ parsedInput, ctx }) => {
 *       await renameSystem({ workspaceId: ctx.workspace.id, actor: ctx.actor, ...parsedInput });
 *       revalidateWorkspace(ctx.workspace.slug);
 *       return { ok: true };
 *     });
 *
 * Call it from a client component with the slug bound:
 *   const { execute, result } = useAction(renameSystemAction.bind(null, slug));
 *
 * Results: `result.data` on success; `result.validationErrors` ({ formErrors, fieldErrors }) when the
 * input schema fails; `result.serverError` ({ code, message, status, fieldErrors? }, an ActionError
 * from lib/errors.ts) when the service throws. Unexpected errors are logged, answered generically.
 */

const metadataSchema = z.object({
  /** A stable name for logs, e.g. "member.invite". */
  name: z.string().min(1),
  /** Required by workspaceActionClient; checked with can(role, permission). */
  permission: z.enum(PERMISSIONS).optional(),
});

export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => metadataSchema,
  defaultValidationErrorsShape: "flattened",
  handleServerError: (error) => toActionError(error),
}).use(async ({ next }) =>
  // Log lines of the action carry the request id proxy.ts gave the request.
  runWithRequestContext({ requestId: requestIdFrom(await requestHeaders()) }, () => next()),
);

/** The request's headers; none when an action runs outside a request (tests, scripts). */
async function requestHeaders(): Promise<Headers> {
  try {
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}

export const authenticatedActionClient = actionClient.use(async ({ next }) => {
  const session = await getSession();
  if (!session) throw new UnauthorizedError("Your session has ended. Sign in again.");
  const actor: AuditActor = { type: "USER", id: session.user.id, label: session.user.email };
  return next({ ctx: { user: session.user, sessionId: session.sessionId, actor } });
});

export const workspaceActionClient = authenticatedActionClient
  .bindArgsSchemas([z.string().min(1).max(100)])
  .use(async ({ bindArgsClientInputs, ctx, metadata, next }) => {
    // Fail closed: a workspace action that forgot its permission is refused, not allowed.
    if (!metadata.permission)
      throw new ForbiddenError(`Action ${metadata.name} declares no permission.`);
    const slug = bindArgsClientInputs[0];
    if (typeof slug !== "string" || slug.length === 0)
      throw new NotFoundError("Workspace not found.");
    const membership = await findWorkspaceMembership({ userId: ctx.user.id, slug });
    if (!membership) throw new NotFoundError("Workspace not found.");
    if (!can(membership.role, metadata.permission)) throw new ForbiddenError();
    setRequestWorkspace(membership.workspace.id);
    return next({
      ctx: {
        workspace: membership.workspace,
        role: membership.role,
        membershipId: membership.membershipId,
      },
    });
  });
