"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useEffect, useState } from "react";
import type { FieldPath, UseFormReturn } from "react-hook-form";

import { DeploymentModelPicker } from "@/components/systems/deployment-model-picker";
import { lossFromError } from "@/components/systems/duty-loss-list";
import { DutyPreview } from "@/components/systems/duty-preview";
import {
  RederivationSummary,
  type RederivationSummaryView,
} from "@/components/systems/rederivation-summary";
import { SelectField } from "@/components/systems/select-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";
import {
  previewRederivationAction,
  registerSystemAction,
  updateSystemAction,
} from "@/lib/actions/systems";
import { type Lifecycle, LIFECYCLES } from "@/lib/domain/responsibility";
import { useActionForm } from "@/lib/forms/use-action-form";
import {
  DATA_CLASSIFICATIONS,
  EU_AI_ACT_CATEGORIES,
  EU_AI_ACT_LABELS,
  registerSystemSchema,
  type SystemFieldsInput,
  tagsFromText,
  updateSystemSchema,
} from "@/lib/validation/systems";
import { enumLabel, RISK_TIER_OPTIONS } from "@/lib/view/systems/labels";
import type { PickerFrameworkVersion, PickerOption } from "@/lib/view/systems/picker-types";

/** A system's current values as the edit page passes them: enums as plain strings, "" for unset. */
export type SystemFormValues = {
  name: string;
  description: string | null;
  frameworkVersionId: string;
  primaryModel: string;
  additionalModels: string[];
  variant: string | null;
  vendorId: string | null;
  businessOwnerId: string | null;
  riskTier: string | null;
  euAiActCategory: string | null;
  dataClassification: string | null;
  lifecycle: Lifecycle;
  tags: string[];
};

/** The form's fields: the system's values, with the tags typed as one comma-separated line. */
type SystemFields = Omit<SystemFormValues, "tags"> & { tagText: string };
type SystemFieldsForm = UseFormReturn<SystemFields, unknown, unknown>;

type Props = {
  slug: string;
  versions: PickerFrameworkVersion[];
  vendors: PickerOption[];
  members: PickerOption[];
  /** Editing: the system, its version (optimistic concurrency) and its current values. */
  existing?: { systemId: string; version: number; fields: SystemFormValues };
};

/** The tag list's errors (one per tag) show under the tag text. */
const errorField = { tags: "tagText" } as const;

/** The action's fields from the form's: the tag line split at commas. */
function toSystemInput(values: SystemFields): SystemFieldsInput {
  const { tagText, ...fields } = values;
  return { ...fields, tags: tagsFromText(tagText) };
}

function defaults(versions: PickerFrameworkVersion[], initial?: SystemFormValues): SystemFields {
  return {
    name: initial?.name ?? "",
    description: initial?.description ?? "",
    frameworkVersionId: initial?.frameworkVersionId ?? versions[0]?.versionId ?? "",
    primaryModel: initial?.primaryModel ?? versions[0]?.columns[0]?.key ?? "",
    additionalModels: initial?.additionalModels ?? [],
    variant: initial?.variant ?? null,
    vendorId: initial?.vendorId ?? "",
    businessOwnerId: initial?.businessOwnerId ?? "",
    riskTier: initial?.riskTier ?? "",
    euAiActCategory: initial?.euAiActCategory ?? "",
    dataClassification: initial?.dataClassification ?? "",
    lifecycle: initial?.lifecycle ?? "PLANNED",
    tagText: (initial?.tags ?? []).join(", "),
  };
}

/** Registers a system, or edits one when `existing` is given. */
export function SystemForm(props: Props) {
  return props.existing ? (
    <EditSystemForm {...props} existing={props.existing} />
  ) : (
    <RegisterSystemForm {...props} />
  );
}

function RegisterSystemForm({ slug, versions, vendors, members }: Props) {
  const router = useRouter();
  // Bound outside the call: inline, TypeScript loses the action's result type next to toInput.
  const registerSystem = registerSystemAction.bind(null, slug);
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: registerSystem,
    schema: registerSystemSchema,
    defaultValues: defaults(versions),
    toInput: toSystemInput,
    errorField,
    actionProps: {
      onSuccess: ({ data }) => router.push(`/w/${slug}/systems/${data.id}`),
    },
  });
  return (
    <SystemFieldset
      form={form}
      versions={versions}
      vendors={vendors}
      members={members}
      fieldError={fieldError}
      formError={formError}
      onSubmit={onSubmit}
      isPending={isPending}
      submitLabel="Register system"
    />
  );
}

/**
 * Editing. A change of framework version or deployment models re-derives the duties: the first
 * submit asks for a preview of the change, the second saves with the loss the user reviewed.
 */
function EditSystemForm({
  slug,
  versions,
  vendors,
  members,
  existing,
}: Props & { existing: NonNullable<Props["existing"]> }) {
  const router = useRouter();
  const [plan, setPlan] = useState<RederivationSummaryView | null>(null);
  const updateSystem = updateSystemAction.bind(null, slug);
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: updateSystem,
    schema: updateSystemSchema,
    defaultValues: defaults(versions, existing.fields),
    toInput: (fields: SystemFields) => ({
      ...toSystemInput(fields),
      systemId: existing.systemId,
      expectedVersion: existing.version,
      // Exactly the loss the user reviewed: the server refuses any other (409).
      confirmLoss: plan?.loss.hash ?? null,
    }),
    errorField,
    actionProps: {
      onSuccess: ({ data }) => router.push(`/w/${slug}/systems/${data.id}`),
      // The removed work changed since the review: show the change again before any save.
      onError: ({ error }) => {
        if (lossFromError(error.serverError)) setPlan(null);
      },
    },
  });
  const preview = useAction(previewRederivationAction.bind(null, slug), {
    onSuccess: ({ data }) => setPlan(data),
    onError: ({ error }) => {
      for (const [name, messages] of Object.entries(resultFieldErrors(error)))
        form.setError(name as FieldPath<SystemFields>, {
          type: "server",
          message: messages.join(" "),
        });
    },
  });

  // Any change after the review makes the reviewed plan stale.
  useEffect(() => {
    const subscription = form.watch(() => setPlan(null));
    return () => subscription.unsubscribe();
  }, [form]);

  const fields = form.watch();
  const models = [fields.primaryModel, ...fields.additionalModels];
  const modelsChanged =
    existing.fields.frameworkVersionId !== fields.frameworkVersionId ||
    [existing.fields.primaryModel, ...existing.fields.additionalModels].join() !== models.join();
  const reviewFirst = modelsChanged && !plan;

  const submit = reviewFirst
    ? form.handleSubmit(() => {
        preview.reset();
        preview.execute({
          systemId: existing.systemId,
          frameworkVersionId: fields.frameworkVersionId,
          primaryModel: fields.primaryModel,
          additionalModels: fields.additionalModels,
        });
      })
    : onSubmit;

  return (
    <SystemFieldset
      form={form}
      versions={versions}
      vendors={vendors}
      members={members}
      fieldError={fieldError}
      formError={resultFormError(preview.result) ?? formError}
      onSubmit={submit}
      isPending={isPending || preview.isPending}
      submitLabel={
        reviewFirst ? "Review duty changes" : modelsChanged ? "Apply changes" : "Save changes"
      }
      frameworkDescription="Moving to a newer version re-derives the duties; you review the changes first."
      plan={plan}
    />
  );
}

function SystemFieldset({
  form,
  versions,
  vendors,
  members,
  fieldError,
  formError,
  onSubmit,
  isPending,
  submitLabel,
  frameworkDescription,
  plan,
}: {
  form: SystemFieldsForm;
  versions: PickerFrameworkVersion[];
  vendors: PickerOption[];
  members: PickerOption[];
  fieldError: (name: FieldPath<SystemFields>) => string | undefined;
  formError?: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  isPending: boolean;
  submitLabel: string;
  frameworkDescription?: string;
  plan?: RederivationSummaryView | null;
}) {
  const router = useRouter();
  const { register, setValue, watch } = form;
  const fields = watch();
  const version = versions.find((v) => v.versionId === fields.frameworkVersionId) ?? versions[0];
  const models = [fields.primaryModel, ...fields.additionalModels];
  const asList = (name: FieldPath<SystemFields>) => {
    const message = fieldError(name);
    return message ? [message] : undefined;
  };
  const change = { shouldDirty: true, shouldValidate: form.formState.isSubmitted };

  return (
    <form
      noValidate
      className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]"
      onSubmit={onSubmit}
      aria-busy={isPending}
    >
      <div className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="system-name"
            label="Name"
            required
            error={fieldError("name")}
            className="sm:col-span-2"
          >
            <Input {...register("name")} autoComplete="off" />
          </FormField>
          <FormField
            id="system-description"
            label="Description"
            error={fieldError("description")}
            className="sm:col-span-2"
          >
            <Textarea {...register("description")} rows={3} />
          </FormField>
          <FormField
            id="system-framework"
            label="Framework version"
            required
            error={fieldError("frameworkVersionId")}
            description={frameworkDescription}
          >
            <NativeSelect
              {...register("frameworkVersionId", {
                // Another version may not have the chosen model: start again from its first.
                onChange: (event: { target: { value: string } }) => {
                  const next = versions.find((v) => v.versionId === event.target.value);
                  if (next?.columns.some((c) => c.key === form.getValues("primaryModel"))) return;
                  setValue("primaryModel", next?.columns[0]?.key ?? "", change);
                  setValue("additionalModels", [], change);
                  setValue("variant", null, change);
                },
              })}
            >
              {versions.map((v) => (
                <option key={v.versionId} value={v.versionId}>
                  {v.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="system-lifecycle" label="Lifecycle" error={fieldError("lifecycle")}>
            <NativeSelect {...register("lifecycle")}>
              {LIFECYCLES.map((value) => (
                <option key={value} value={value}>
                  {enumLabel(value)}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </div>

        {version ? (
          <DeploymentModelPicker
            columns={version.columns}
            primary={fields.primaryModel}
            additional={fields.additionalModels}
            variant={fields.variant}
            onPrimaryChange={(key) => {
              setValue("primaryModel", key, change);
              setValue(
                "additionalModels",
                fields.additionalModels.filter((k) => k !== key),
                change,
              );
              setValue("variant", null, change);
            }}
            onAdditionalChange={(keys) => setValue("additionalModels", keys, change)}
            onVariantChange={(key) => setValue("variant", key, change)}
            errors={{
              primaryModel: asList("primaryModel"),
              additionalModels: asList("additionalModels"),
              variant: asList("variant"),
            }}
          />
        ) : null}

        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="system-vendor"
            label="Vendor"
            registration={register("vendorId")}
            emptyLabel="No vendor"
            error={fieldError("vendorId")}
            options={vendors.map((v) => ({ value: v.id, label: v.label }))}
          />
          <SelectField
            id="system-owner"
            label="Business owner"
            registration={register("businessOwnerId")}
            emptyLabel="Nobody yet"
            error={fieldError("businessOwnerId")}
            options={members.map((m) => ({ value: m.id, label: m.label }))}
          />
          <SelectField
            id="system-risk"
            label="Risk tier"
            registration={register("riskTier")}
            emptyLabel="Unclassified"
            error={fieldError("riskTier")}
            options={RISK_TIER_OPTIONS}
          />
          <SelectField
            id="system-euaiact"
            label="EU AI Act category"
            registration={register("euAiActCategory")}
            emptyLabel="Not set"
            error={fieldError("euAiActCategory")}
            options={EU_AI_ACT_CATEGORIES.map((v) => ({ value: v, label: EU_AI_ACT_LABELS[v] }))}
          />
          <SelectField
            id="system-data"
            label="Data classification"
            registration={register("dataClassification")}
            emptyLabel="Not set"
            error={fieldError("dataClassification")}
            options={DATA_CLASSIFICATIONS.map((v) => ({ value: v, label: enumLabel(v) }))}
          />
          <FormField
            id="system-tags"
            label="Tags"
            error={fieldError("tagText")}
            description="Separate tags with commas."
          >
            <Input {...register("tagText")} autoComplete="off" />
          </FormField>
        </div>
        {formError ? <Alert variant="error">{formError}</Alert> : null}
        {plan ? (
          <Alert variant="warning" live="polite" title="Review how the duties change">
            <RederivationSummary plan={plan} />
          </Alert>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={isPending}>
            {isPending ? "Saving…" : submitLabel}
          </Button>
          <Button type="button" variant="outline" onClick={() => router.back()}>
            Cancel
          </Button>
        </div>
      </div>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        {version ? <DutyPreview version={version} models={models} /> : null}
      </aside>
    </form>
  );
}
