"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import type { PickerOption } from "@/lib/view/systems/picker-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";
import {
  ASSESSMENT_STATUS_LABELS,
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
} from "@/lib/validation/vendors";

import {
  deleteVendorAction,
  linkVendorSystemsAction,
  saveAssessmentAnswerAction,
  unlinkVendorSystemAction,
} from "@/lib/actions/vendors";

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
  const [systemId, setSystemId] = useState("");
  const { execute, result, isPending } = useAction(linkVendorSystemsAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  const error = resultFormError(result);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (systemId) execute({ vendorId, systemIds: [systemId] });
      }}
    >
      <div className="grid gap-1.5">
        <label htmlFor="link-system" className="text-sm font-medium">
          Link a system
        </label>
        <NativeSelect
          id="link-system"
          value={systemId}
          onChange={(e) => setSystemId(e.target.value)}
          wrapperClassName="w-72"
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
        <p role="alert" className="text-sm text-destructive">
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
  topicKey: string;
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
  const [state, setState] = useState({
    answer: topic.answer ?? "",
    status: topic.status,
    reviewerId: topic.reviewerId ?? "",
  });
  const { execute, result, isPending } = useAction(saveAssessmentAnswerAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  const errors = resultFieldErrors(result);
  const formError = resultFormError(result);
  const id = (name: string) => `topic-${topic.topicKey}-${name}`;
  return (
    <form
      noValidate
      aria-labelledby={id("title")}
      className="grid gap-3 rounded-lg border bg-card p-4"
      onSubmit={(e) => {
        e.preventDefault();
        execute({
          vendorId,
          topicKey: topic.topicKey as never,
          answer: state.answer,
          status: state.status,
          reviewerId: state.reviewerId || null,
        });
      }}
    >
      <h3 id={id("title")} className="font-semibold">
        {topic.title}
      </h3>
      <ul className="ml-5 list-disc text-sm text-muted-foreground">
        {topic.questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <FormField id={id("answer")} label="Answer and notes" error={errors.answer}>
        <Textarea
          rows={3}
          value={state.answer}
          disabled={!canEdit}
          onChange={(e) => setState({ ...state, answer: e.target.value })}
        />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id={id("status")} label="Status" error={errors.status}>
          <NativeSelect
            value={state.status}
            disabled={!canEdit}
            onChange={(e) => setState({ ...state, status: e.target.value as AssessmentStatus })}
          >
            {ASSESSMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ASSESSMENT_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id={id("reviewer")} label="Reviewer" error={errors.reviewerId}>
          <NativeSelect
            value={state.reviewerId}
            disabled={!canEdit}
            onChange={(e) => setState({ ...state, reviewerId: e.target.value })}
          >
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
      {result.data ? (
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
