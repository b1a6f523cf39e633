"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import type { PickerOption } from "@/lib/view/systems/picker-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";
import { PART_STATUSES, type PartStatus } from "@/lib/domain/responsibility";
import { PART_STATUS_LABELS } from "@/lib/validation/responsibilities";

import { updatePartAction } from "@/lib/actions/responsibilities";

export type EditablePart = {
  id: string;
  version: number;
  ownerId: string | null;
  status: PartStatus;
  justification: string | null;
  dueDate: string | null;
  riskApproverId: string | null;
  riskAcceptanceExpiresAt: string | null;
};

/**
 * Edits one duty in place. Sends the version it was opened with: if someone saved in between, the
 * server answers with a conflict, the form keeps the user's input on screen and says what to do.
 */
export function PartEditor({
  slug,
  part,
  label,
  members,
  approvers,
  onDone,
}: {
  slug: string;
  part: EditablePart;
  label: string;
  members: PickerOption[];
  approvers: PickerOption[];
  onDone: () => void;
}) {
  const router = useRouter();
  const [state, setState] = useState(part);
  const { execute, result, isPending } = useAction(updatePartAction.bind(null, slug), {
    onSuccess: () => {
      router.refresh();
      onDone();
    },
  });
  const errors = resultFieldErrors(result);
  const formError = resultFormError(result);
  const conflict = result.serverError?.code === "CONFLICT";
  const id = (name: string) => `part-${part.id}-${name}`;
  const needsJustification = state.status === "NOT_APPLICABLE" || state.status === "RISK_ACCEPTED";
  return (
    <form
      noValidate
      aria-label={`Edit ${label}`}
      className="grid gap-3 rounded-md border bg-background p-3 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        execute({
          partId: part.id,
          expectedVersion: part.version,
          ownerId: state.ownerId,
          status: state.status,
          justification: state.justification,
          dueDate: state.dueDate,
          riskApproverId: state.status === "RISK_ACCEPTED" ? state.riskApproverId : null,
          riskAcceptanceExpiresAt:
            state.status === "RISK_ACCEPTED" ? state.riskAcceptanceExpiresAt : null,
        });
      }}
    >
      <FormField id={id("owner")} label="Owner" error={errors.ownerId}>
        <NativeSelect
          value={state.ownerId ?? ""}
          onChange={(e) => setState({ ...state, ownerId: e.target.value || null })}
        >
          <option value="">Nobody yet</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={id("status")} label="Status" error={errors.status}>
        <NativeSelect
          value={state.status}
          onChange={(e) => setState({ ...state, status: e.target.value as PartStatus })}
        >
          {PART_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PART_STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={id("due")} label="Due date" error={errors.dueDate}>
        <Input
          type="date"
          value={state.dueDate ?? ""}
          onChange={(e) => setState({ ...state, dueDate: e.target.value || null })}
        />
      </FormField>
      {state.status === "RISK_ACCEPTED" ? (
        <>
          <FormField
            id={id("approver")}
            label="Approved by (admin)"
            required
            error={errors.riskApproverId}
          >
            <NativeSelect
              value={state.riskApproverId ?? ""}
              onChange={(e) => setState({ ...state, riskApproverId: e.target.value || null })}
            >
              <option value="">Choose an approver</option>
              {approvers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField
            id={id("expiry")}
            label="Acceptance expires on"
            required
            error={errors.riskAcceptanceExpiresAt}
          >
            <Input
              type="date"
              value={state.riskAcceptanceExpiresAt ?? ""}
              onChange={(e) =>
                setState({ ...state, riskAcceptanceExpiresAt: e.target.value || null })
              }
            />
          </FormField>
        </>
      ) : null}
      <FormField
        id={id("justification")}
        label="Justification"
        required={needsJustification}
        error={errors.justification}
        className="sm:col-span-2"
        description={needsJustification ? "Required for this status: say why." : undefined}
      >
        <Textarea
          rows={2}
          value={state.justification ?? ""}
          onChange={(e) => setState({ ...state, justification: e.target.value || null })}
        />
      </FormField>
      {formError ? (
        <Alert
          variant="error"
          className="sm:col-span-2"
          title={conflict ? "Not saved: this duty changed meanwhile" : undefined}
        >
          {formError}
          {conflict ? (
            <Button type="button" variant="link" className="ml-2" onClick={() => router.refresh()}>
              Reload the latest version
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={isPending}>
          {isPending ? "Saving…" : "Save"}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
