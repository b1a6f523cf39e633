"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";

import { evidenceQueryKeys, searchEvidence } from "@/components/evidence/evidence-queries";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { EvidenceStateBadge } from "@/components/ui/status-badge";
import { attestationLabel, KIND_LABELS } from "@/lib/view/evidence/labels";

/**
 * Searches the workspace's live evidence and offers each item with a "Link" button. Typing
 * refetches (deferred, so every keystroke does not start a request of its own).
 */
export function ExistingEvidencePicker({
  workspaceSlug,
  idPrefix,
  linkedIds,
  pendingId,
  onPick,
}: {
  workspaceSlug: string;
  idPrefix: string;
  /** Items already linked to the part: shown as such, not offered again. */
  linkedIds: readonly string[];
  pendingId: string | null;
  onPick: (item: { id: string; title: string }) => void;
}) {
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q.trim());
  const search = useQuery({
    queryKey: evidenceQueryKeys.search(workspaceSlug, deferred),
    queryFn: () => searchEvidence(workspaceSlug, deferred),
  });
  return (
    <div className="grid gap-3">
      <div className="grid gap-1.5">
        <label htmlFor={`${idPrefix}-search`} className="text-sm font-medium">
          Search evidence
        </label>
        <Input
          id={`${idPrefix}-search`}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Title, file name or address"
        />
      </div>
      <div aria-live="polite" className="text-sm text-muted-foreground">
        {search.isPending
          ? "Searching…"
          : search.error
            ? null
            : `${search.data.total} item${search.data.total === 1 ? "" : "s"} found`}
      </div>
      {search.error ? (
        <p role="alert" className="text-sm text-destructive">
          {search.error.message}
        </p>
      ) : null}
      <ul className="grid max-h-72 gap-2 overflow-y-auto" aria-label="Evidence found">
        {search.data?.items.map((item) => {
          const linked = linkedIds.includes(item.id);
          return (
            <li
              key={item.id}
              className="flex flex-wrap items-center gap-2 rounded-md border p-2 text-sm"
            >
              <span className="min-w-0 flex-1 font-medium break-words">{item.title}</span>
              <span className="text-xs text-muted-foreground">
                {attestationLabel(item.attestationType) ?? KIND_LABELS[item.kind]}
                {item.vendor ? ` · ${item.vendor.name}` : ""}
              </span>
              <EvidenceStateBadge state={item.state} />
              {linked ? (
                <span className="text-xs text-muted-foreground">Already linked</span>
              ) : (
                <Button
                  size="sm"
                  variant="outline"
                  disabled={pendingId !== null}
                  onClick={() => onPick(item)}
                >
                  {pendingId === item.id ? "Linking…" : "Link"}
                  <span className="sr-only"> “{item.title}”</span>
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
