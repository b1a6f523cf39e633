"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import {
  deleteVendorAction,
  linkVendorSystemsAction,
  saveAssessmentAnswerAction,
  unlinkVendorSystemAction,
} from "@/lib/actions/vendors";
import { useActionForm } from "@/lib/forms/use-action-form";
import {
  ASSESSMENT_STATUS_LABELS,
  ASSESSMENT_STATUSES,
  assessmentAnswerSchema,
  type AssessmentStatus,
  type AssessmentTopicKey,
  linkVendorSystemsSchema,
} from "@/lib/validation/vendors";
import type { PickerOption } from "@/lib/view/systems/picker-types";

export function DeleteVendorButton({
  slug,
  vendorId,
  name,
}: {
  slug: string;
  vendorId: string;
  name: string;
}) {
  const router = useRouter();
  const action = useAction(deleteVendorAction.bind(null, slug), {
    onSuccess: () => router.push(`/w/${slug}/vendors`),
  });
  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Delete vendor</Button>}
      title={`Delete “${name}”?`}
      description="Its systems stay but lose their vendor, and its attestations stay in the evidence library without a vendor. The assessment is deleted."
      confirmLabel="Delete vendor"
      onConfirm={() => action.executeAsync({ vendorId })}
    />
  );
}

export function LinkSystemsForm({
  slug,
  vendorId,
  systems,
}: {
  slug: string;
  vendorId: string;
  systems: PickerOption[];
}) {
  const router = useRouter();
  const linkSystems = linkVendorSystemsAction.bind(null, slug);
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: linkSystems,
    schema: linkVendorSystemsSchema,
    // One system at a time: the select fills the first entry of the action's list.
    defaultValues: { vendorId, systemIds: [""] },
    actionProps: { onSuccess: () => router.refresh() },
    resetOnSuccess: true,
  });
  const systemId = form.watch("systemIds.0");
  const error = fieldError("systemIds.0") ?? fieldError("systemIds") ?? formError;
  return (
    <form className="flex flex-wrap items-end gap-2" noValidate onSubmit={onSubmit}>
      <div className="grid gap-1.5">
        <label htmlFor="link-system" className="text-sm font-medium">
          Link a system
        </label>
        <NativeSelect
          id="link-system"
          wrapperClassName="w-72"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "link-system-error" : undefined}
          {...form.register("systemIds.0")}
        >
          <option value="">Choose a system</option>
          {systems.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline" disabled={isPending || !systemId}>
        Link
      </Button>
      {error ? (
        <p id="link-system-error" role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function UnlinkSystemButton({
  slug,
  vendorId,
  systemId,
  name,
}: {
  slug: string;
  vendorId: string;
  systemId: string;
  name: string;
}) {
  const router = useRouter();
  const { execute, isPending } = useAction(unlinkVendorSystemAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Button
      size="sm"
      variant="ghost"
      disabled={isPending}
      onClick={() => execute({ vendorId, systemId })}
    >
      Unlink<span className="sr-only"> {name}</span>
    </Button>
  );
}

export type TopicView = {
  topicKey: AssessmentTopicKey;
  title: string;
  questions: readonly string[];
  answer: string | null;
  status: AssessmentStatus;
  reviewerId: string | null;
};

/** One assessment topic: the questions (our own words), the vendor's answer, a status and a reviewer. */
export function AssessmentTopicForm({
  slug,
  vendorId,
  topic,
  members,
  canEdit,
}: {
  slug: string;
  vendorId: string;
  topic: TopicView;
  members: PickerOption[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const saveAnswer = saveAssessmentAnswerAction.bind(null, slug);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: saveAnswer,
    schema: assessmentAnswerSchema,
    defaultValues: {
      vendorId,
      topicKey: topic.topicKey,
      answer: topic.answer ?? "",
      status: topic.status,
      reviewerId: topic.reviewerId ?? "",
    },
    actionProps: { onSuccess: () => router.refresh() },
  });
  const id = (name: string) => `topic-${topic.topicKey}-${name}`;
  return (
    <form
      noValidate
      aria-labelledby={id("title")}
      className="grid gap-3 rounded-lg border bg-card p-4"
      onSubmit={onSubmit}
    >
      <h3 id={id("title")} className="font-semibold">
        {topic.title}
      </h3>
      <ul className="ml-5 list-disc text-sm text-muted-foreground">
        {topic.questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <FormField id={id("answer")} label="Answer and notes" error={fieldError("answer")}>
        <Textarea rows={3} disabled={!canEdit} {...form.register("answer")} />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id={id("status")} label="Status" error={fieldError("status")}>
          <NativeSelect disabled={!canEdit} {...form.register("status")}>
            {ASSESSMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ASSESSMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id={id("reviewer")} label="Reviewer" error={fieldError("reviewerId")}>
          <NativeSelect disabled={!canEdit} {...form.register("reviewerId")}>
            <option value="">Nobody yet</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {action.result.data ? (
        <p role="status" className="text-sm">
          Saved.
        </p>
      ) : null}
      {canEdit ? (
        <div>
          <Button type="submit" size="sm" disabled={isPending}>
            {isPending ? "Saving…" : `Save ${topic.title.toLowerCase()}`}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
