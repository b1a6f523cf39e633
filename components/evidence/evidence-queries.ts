import type { EvidenceState } from "@/lib/domain/evidence-state";
import type { DutySide, EvidenceKind } from "@/lib/domain/responsibility";

/** TanStack Query keys of the evidence pickers (one factory, so invalidation hits the same key). */
export const evidenceQueryKeys = {
  systems: (slug: string) => ["evidence", slug, "duty-options", "systems"] as const,
  domains: (slug: string, systemId: string) =>
    ["evidence", slug, "duty-options", systemId] as const,
  search: (slug: string, q: string) => ["evidence", slug, "search", q] as const,
};

export type SystemOption = { id: string; name: string };
export type DomainOption = { key: string; name: string; parts: { id: string; side: DutySide }[] };
export type EvidenceSearchItem = {
  id: string;
  title: string;
  kind: EvidenceKind;
  state: EvidenceState;
  attestationType: string | null;
  vendor: { id: string; name: string } | null;
};

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as
    (T & { error?: { message?: string } }) | null;
  if (!response.ok || !body)
    throw new Error(body?.error?.message ?? `Loading failed (HTTP ${response.status}).`);
  return body;
}

const base = (slug: string) => `/api/workspaces/${encodeURIComponent(slug)}/evidence`;

export const fetchSystems = (slug: string) =>
  getJson<{ systems: SystemOption[] }>(`${base(slug)}/duty-options`).then((b) => b.systems);

export const fetchDomains = (slug: string, systemId: string) =>
  getJson<{ domains: DomainOption[] }>(
    `${base(slug)}/duty-options?systemId=${encodeURIComponent(systemId)}`,
  ).then((b) => b.domains);

/** Live items only (current, expiring soon, expired, rejected): superseded ones cannot be linked. */
export const searchEvidence = (slug: string, q: string) =>
  getJson<{ items: EvidenceSearchItem[]; total: number }>(
    `${base(slug)}?state=current,expiring_soon,expired,rejected&pageSize=20${q ? `&q=${encodeURIComponent(q)}` : ""}`,
  );
