"use client";

import { type ReactNode, useState } from "react";

import { ApprovalHistory } from "@/components/approvals/approval-history";
import { RequestExceptionForm } from "@/components/approvals/request-exception-form";
import { DutyEditor, type EditableDuty } from "@/components/responsibilities/duty-editor";
import { OverrideDialog } from "@/components/responsibilities/override-dialog";
import { Button } from "@/components/ui/button";
import { ResponsibilityBadge } from "@/components/ui/responsibility-badge";
import { CriticalBadge, DutyStatusBadge, OverdueBadge } from "@/components/ui/status-badge";
import type { DutySide, DutyStatus, ResponsibilityValue } from "@/lib/domain/responsibility";
import type { ApprovalView } from "@/lib/view/approvals/types";
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
  canRequest,
  approvals,
  viewer,
  latestDay,
  evidenceSlots = {},
  referenceSlots = {},
  discussionSlots = {},
}: {
  slug: string;
  domains: DomainView[];
  members: PickerOption[];
  /** Who the viewer may name as approver: active admins and owners other than themselves. */
  approvers: PickerOption[];
  canEdit: boolean;
  canOverride: boolean;
  /** May ask for a risk acceptance, an exception or an override (approval.request). */
  canRequest: boolean;
  /** This system's approval requests, newest first: the history shown on each domain. */
  approvals: ApprovalView[];
  viewer: { userId: string; canDecide: boolean };
  /** The last end date the workspace allows for a new request (YYYY-MM-DD). */
  latestDay: string;
  /** Server-rendered evidence block per part id (components/evidence/duty-evidence-slots.tsx). */
  evidenceSlots?: Record<string, ReactNode>;
  /** Server-rendered related external references per responsibility id (components/crosswalks). */
  referenceSlots?: Record<string, ReactNode>;
  /** Server-rendered plans and comment thread per part id (components/comments). */
  discussionSlots?: Record<string, ReactNode>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [requesting, setRequesting] = useState<string | null>(null);
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
                  approvers={approvers}
                  latestDay={latestDay}
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
                      <span className="ml-auto flex flex-wrap gap-2">
                        {canRequest && canEdit && requesting !== part.id ? (
                          <Button
                            size="sm"
                            variant="outline"
                            onClick={() => {
                              setRequesting(part.id);
                              setEditing(null);
                            }}
                          >
                            Request an exception<span className="sr-only"> for {label}</span>
                          </Button>
                        ) : null}
                        {canEdit && editing !== part.id ? (
                          <Button
                            size="sm"
                            variant="outline"
                            onClick={() => {
                              setEditing(part.id);
                              setRequesting(null);
                            }}
                          >
                            Edit<span className="sr-only"> {label}</span>
                          </Button>
                        ) : null}
                      </span>
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
                          onDone={() => setEditing(null)}
                        />
                      </div>
                    ) : null}
                    {requesting === part.id ? (
                      <div className="mt-2">
                        <RequestExceptionForm
                          slug={slug}
                          dutyId={part.id}
                          label={label}
                          approvers={approvers}
                          latestDay={latestDay}
                          onDone={() => setRequesting(null)}
                        />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <ApprovalHistory
            slug={slug}
            approvals={approvals.filter((a) => a.responsibilityId === domain.responsibilityId)}
            viewer={viewer}
            domainName={domain.name}
            headingId={`approvals-${domain.responsibilityId}`}
          />
        </li>
      ))}
    </ol>
  );
}
