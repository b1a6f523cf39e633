import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/*
 * The request a log line belongs to. Route handlers (apiRoute, withRequestContext) and the server
 * action chain run their work inside a context holding the request id and, once known, the
 * workspace id; the logger's mixin adds both to every line written meanwhile. Kept on globalThis
 * because Next.js bundles route handlers and actions apart but runs them in one process.
 */

export type RequestContext = { requestId: string; workspaceId?: string };

const holder = globalThis as unknown as { __srmRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__srmRequestContext ??= new AsyncLocalStorage<RequestContext>());

export const REQUEST_ID_HEADER = "x-request-id";

// A caller's id is kept only if it is short and plain (a load balancer's or a client's trace id);
// anything else could forge log lines or carry personal data, and is replaced.
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called once the workspace is known (token or membership checked): later lines carry it. */
export function setRequestWorkspace(workspaceId: string): void {
  const context = storage.getStore();
  if (context) context.workspaceId = workspaceId;
}

/** The fields the logger adds to each line: none outside a request. */
export function requestLogFields(): Partial<RequestContext> {
  const context = storage.getStore();
  if (!context) return {};
  return context.workspaceId
    ? { requestId: context.requestId, workspaceId: context.workspaceId }
    : { requestId: context.requestId };
}
