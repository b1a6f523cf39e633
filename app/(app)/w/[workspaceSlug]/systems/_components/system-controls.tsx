"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NativeSelect } from "@/components/ui/native-select";
import { bulkAssignOwnerAction } from "@/lib/actions/responsibilities";
import { resultFormError } from "@/lib/actions/result";
import { archiveSystemAction, restoreSystemAction } from "@/lib/actions/systems";
import { useActionForm } from "@/lib/forms/use-action-form";
import { bulkAssignOwnerSchema } from "@/lib/validation/responsibilities";
import type { PickerOption } from "@/lib/view/systems/picker-types";

export function ArchiveSystemButton({
  slug,
  systemId,
  name,
  archived,
}: {
  slug: string;
  systemId: string;
  name: string;
  archived: boolean;
}) {
  const router = useRouter();
  const action = useAction(
    (archived ? restoreSystemAction : archiveSystemAction).bind(null, slug),
    { onSuccess: () => router.refresh() },
  );
  const error = resultFormError(action.result);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant={archived ? "outline" : "destructive"}>
            {archived ? "Restore" : "Archive"}
          </Button>
        }
        title={archived ? `Restore “${name}”?` : `Archive “${name}”?`}
        description={
          archived
            ? "The system comes back with every duty, owner and evidence link it had."
            : "The system leaves lists and coverage. Its duties, owners and evidence links are kept, and you can restore it at any time."
        }
        destructive={!archived}
        confirmLabel={archived ? "Restore system" : "Archive system"}
        onConfirm={() => action.executeAsync({ systemId })}
      />
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** One owner for every customer duty of this system (bulk assignment). */
export function AssignAllCustomerDuties({
  slug,
  systemId,
  members,
}: {
  slug: string;
  systemId: string;
  members: PickerOption[];
}) {
  const router = useRouter();
  const assignOwner = bulkAssignOwnerAction.bind(null, slug);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: assignOwner,
    schema: bulkAssignOwnerSchema,
    defaultValues: { ownerId: "", target: { kind: "system", systemId } },
    actionProps: { onSuccess: () => router.refresh() },
  });
  const error = fieldError("ownerId") ?? formError;
  const result = action.result;
  return (
    <form className="flex flex-wrap items-end gap-2" noValidate onSubmit={onSubmit}>
      <div className="grid gap-1.5">
        <label htmlFor="assign-all-owner" className="text-sm font-medium">
          Owner of all your duties
        </label>
        <NativeSelect
          id="assign-all-owner"
          wrapperClassName="w-64"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "assign-all-owner-error" : undefined}
          {...form.register("ownerId")}
        >
          <option value="">Nobody (clear owners)</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline" disabled={isPending}>
        {isPending ? "Assigning…" : "Assign to all customer duties"}
      </Button>
      {result.data ? (
        <p role="status" className="text-sm">
          {result.data.count} duties assigned.
        </p>
      ) : null}
      {error ? (
        <p
          id="assign-all-owner-error"
          role="alert"
          className="text-sm font-medium text-destructive"
        >
          {error}
        </p>
      ) : null}
    </form>
  );
}
