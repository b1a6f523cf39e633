"use client";

import { type ReactNode, useState } from "react";

import { DutyEditor, type EditableDuty } from "@/components/responsibilities/duty-editor";
import { OverrideDialog } from "@/components/responsibilities/override-dialog";
import { Button } from "@/components/ui/button";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge, DutyStatusBadge, OverdueBadge } from "@/components/ui/status-badge";
import type { DutySide, DutyStatus, ResponsibilityValue } from "@/lib/domain/responsibility";
import { SIDE_LABELS } from "@/lib/view/duties/labels";
import type { PickerOption } from "@/lib/view/systems/picker-types";

export type DomainView = {
  responsibilityId: string;
  domainKey: string;
  name: string;
  focus: string | null;
  derivedValue: ResponsibilityValue;
  overrideValue: ResponsibilityValue | null;
  overrideJustification: string | null;
  overriddenBy: string | null;
  value: ResponsibilityValue;
  critical: boolean;
  parts: (EditableDuty & {
    side: DutySide;
    ownerName: string | null;
    riskApproverName: string | null;
    evidenceLinks: number;
    /** Open work whose due date has passed (computed on the server, lib/domain/overdue.ts). */
    overdue?: boolean;
  })[];
};

/** The responsibility view of one system: every domain, its value and its parts, edited in place. */
export function DomainList({
  slug,
  domains,
  members,
  approvers,
  canEdit,
  canOverride,
  evidenceSlots = {},
  referenceSlots = {},
  discussionSlots = {},
}: {
  slug: string;
  domains: DomainView[];
  members: PickerOption[];
  approvers: PickerOption[];
  canEdit: boolean;
  canOverride: boolean;
  /** Server-rendered evidence block per part id (components/evidence/duty-evidence-slots.tsx). */
  evidenceSlots?: Record<string, ReactNode>;
  /** Server-rendered related external references per responsibility id (components/crosswalks). */
  referenceSlots?: Record<string, ReactNode>;
  /** Server-rendered plans and comment thread per part id (components/comments). */
  discussionSlots?: Record<string, ReactNode>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ol className="grid gap-3" aria-label="Security domains">
      {domains.map((domain) => (
        <li
          key={domain.responsibilityId}
          // The duty's anchor: heat-map cells and gap links point at #domain-<key>.
          id={`domain-${domain.domainKey}`}
          className="scroll-mt-20 rounded-lg border bg-card p-4"
        >
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="grid gap-1">
              <h3 className="flex flex-wrap items-center gap-2 font-semibold">
                {domain.name}
                {domain.critical ? <CriticalBadge /> : null}
              </h3>
              {domain.focus ? (
                <p className="text-sm text-muted-foreground">{domain.focus}</p>
              ) : null}
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <ResponsibilityBadge
                value={domain.value}
                overridden={domain.overrideValue !== null}
              />
              {domain.overrideValue !== null ? (
                <span className="text-xs text-muted-foreground">
                  derived: <ResponsibilityBadge value={domain.derivedValue} display="code" />
                </span>
              ) : null}
              {canOverride ? (
                <OverrideDialog
                  slug={slug}
                  responsibilityId={domain.responsibilityId}
                  domainName={domain.name}
                  derivedValue={domain.derivedValue}
                  overrideValue={domain.overrideValue}
                />
              ) : null}
            </div>
          </div>
          {referenceSlots[domain.responsibilityId]}
          {domain.overrideValue !== null ? (
            <p className="mt-2 text-sm">
              <span className="font-medium">Override</span> by {domain.overriddenBy ?? "someone"}:{" "}
              {domain.overrideJustification}
            </p>
          ) : null}
          {domain.parts.length === 0 ? (
            <p className="mt-2 text-sm text-muted-foreground">
              No duty on either side for this system.
            </p>
          ) : (
            <ul className="mt-3 grid gap-2">
              {domain.parts.map((part) => {
                const label = `${SIDE_LABELS[part.side]} of ${domain.name}`;
                return (
                  <li key={part.id} className="rounded-md bg-muted/40 p-3 text-sm">
                    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                      <span className="font-medium">{SIDE_LABELS[part.side]}</span>
                      <DutyStatusBadge status={part.status as DutyStatus} />
                      <span>
                        Owner:{" "}
                        {part.ownerName ?? (
                          <span className="text-muted-foreground">nobody yet</span>
                        )}
                      </span>
                      <span className="inline-flex items-center gap-1">
                        Due: {part.dueDate ?? "—"}
                        {part.overdue ? <OverdueBadge /> : null}
                      </span>
                      {part.status === "RISK_ACCEPTED" ? (
                        <span>
                          Approved by {part.riskApproverName ?? "—"} until{" "}
                          {part.riskAcceptanceExpiresAt ?? "—"}
                        </span>
                      ) : null}
                      <span>Evidence links: {part.evidenceLinks}</span>
                      {canEdit && editing !== part.id ? (
                        <Button
                          size="sm"
                          variant="outline"
                          className="ml-auto"
                          onClick={() => setEditing(part.id)}
                        >
                          Edit<span className="sr-only"> {label}</span>
                        </Button>
                      ) : null}
                    </div>
                    {evidenceSlots[part.id]}
                    {part.justification ? (
                      <p className="mt-1 text-muted-foreground">
                        Justification: {part.justification}
                      </p>
                    ) : null}
                    {discussionSlots[part.id]}
                    {editing === part.id ? (
                      <div className="mt-2">
                        <DutyEditor
                          slug={slug}
                          part={part}
                          label={label}
                          members={members}
                          approvers={approvers}
                          onDone={() => setEditing(null)}
                        />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
