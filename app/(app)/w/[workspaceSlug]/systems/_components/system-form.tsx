"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

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
import { type Lifecycle, LIFECYCLES, RISK_TIERS } from "@/lib/domain/responsibility";
import {
  DATA_CLASSIFICATIONS,
  EU_AI_ACT_CATEGORIES,
  EU_AI_ACT_LABELS,
  type SystemFieldsInput,
} from "@/lib/validation/systems";
import type { PickerFrameworkVersion, PickerOption } from "@/lib/view/systems/picker-types";

/** The form's values: enums as plain strings, "" for unset; the action's schema validates them. */
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

type Props = {
  slug: string;
  versions: PickerFrameworkVersion[];
  vendors: PickerOption[];
  members: PickerOption[];
  /** Editing: the system, its version (optimistic concurrency) and its current values. */
  existing?: { systemId: string; version: number; fields: SystemFormValues };
};

const title = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");

export function SystemForm({ slug, versions, vendors, members, existing }: Props) {
  const router = useRouter();
  const initial = existing?.fields;
  const [fields, setFields] = useState<SystemFormValues>({
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
    tags: initial?.tags ?? [],
  });
  const [tagText, setTagText] = useState((initial?.tags ?? []).join(", "));
  const [plan, setPlan] = useState<RederivationSummaryView | null>(null);
  const set = (patch: Partial<SystemFormValues>) => {
    setPlan(null);
    setFields((current) => ({ ...current, ...patch }));
  };
  const version = versions.find((v) => v.versionId === fields.frameworkVersionId) ?? versions[0];
  const models = [fields.primaryModel, ...(fields.additionalModels ?? [])];
  // The schema turns "" into null and checks the enums; its input type takes the strings as they are.
  const payload = (): SystemFieldsInput => ({
    ...fields,
    tags: tagText
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  });

  const register = useAction(registerSystemAction.bind(null, slug), {
    onSuccess: ({ data }) => data && router.push(`/w/${slug}/systems/${data.id}`),
  });
  const update = useAction(updateSystemAction.bind(null, slug), {
    onSuccess: ({ data }) => data && router.push(`/w/${slug}/systems/${data.id}`),
    // The removed work changed since the review: show the change again before any save.
    onError: ({ error }) => {
      if (lossFromError(error.serverError)) setPlan(null);
    },
  });
  const preview = useAction(previewRederivationAction.bind(null, slug), {
    onSuccess: ({ data }) => data && setPlan(data),
  });
  const active = existing
    ? preview.result.serverError || preview.result.validationErrors
      ? preview
      : update
    : register;
  const fieldErrors = resultFieldErrors(active.result);
  const formError = resultFormError(active.result);
  const pending = register.isPending || update.isPending || preview.isPending;

  const modelsChanged =
    existing &&
    (existing.fields.frameworkVersionId !== fields.frameworkVersionId ||
      [existing.fields.primaryModel, ...(existing.fields.additionalModels ?? [])].join() !==
        models.join());

  function submit() {
    if (!existing) return register.execute(payload());
    if (modelsChanged && !plan) {
      return preview.execute({
        systemId: existing.systemId,
        frameworkVersionId: fields.frameworkVersionId,
        primaryModel: fields.primaryModel,
        additionalModels: fields.additionalModels ?? [],
      });
    }
    update.execute({
      ...payload(),
      systemId: existing.systemId,
      expectedVersion: existing.version,
      // Exactly the loss the user reviewed: the server refuses any other (409).
      confirmLoss: plan?.loss.hash ?? null,
    });
  }

  return (
    <form
      noValidate
      className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            id="system-name"
            label="Name"
            required
            error={fieldErrors.name}
            className="sm:col-span-2"
          >
            <Input
              value={fields.name}
              onChange={(e) => set({ name: e.target.value })}
              autoComplete="off"
            />
          </FormField>
          <FormField
            id="system-description"
            label="Description"
            error={fieldErrors.description}
            className="sm:col-span-2"
          >
            <Textarea
              value={fields.description ?? ""}
              onChange={(e) => set({ description: e.target.value })}
              rows={3}
            />
          </FormField>
          <FormField
            id="system-framework"
            label="Framework version"
            required
            error={fieldErrors.frameworkVersionId}
            description={
              existing
                ? "Moving to a newer version re-derives the duties; you review the changes first."
                : undefined
            }
          >
            <NativeSelect
              value={fields.frameworkVersionId}
              onChange={(e) => {
                const next = versions.find((v) => v.versionId === e.target.value);
                const keep = next?.columns.some((c) => c.key === fields.primaryModel);
                set({
                  frameworkVersionId: e.target.value,
                  ...(keep
                    ? {}
                    : {
                        primaryModel: next?.columns[0]?.key ?? "",
                        additionalModels: [],
                        variant: null,
                      }),
                });
              }}
            >
              {versions.map((v) => (
                <option key={v.versionId} value={v.versionId}>
                  {v.label}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormField id="system-lifecycle" label="Lifecycle" error={fieldErrors.lifecycle}>
            <NativeSelect
              value={fields.lifecycle}
              onChange={(e) => set({ lifecycle: e.target.value as Lifecycle })}
            >
              {LIFECYCLES.map((value) => (
                <option key={value} value={value}>
                  {title(value)}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        </div>

        {version ? (
          <DeploymentModelPicker
            columns={version.columns}
            primary={fields.primaryModel}
            additional={fields.additionalModels ?? []}
            variant={fields.variant ?? null}
            onPrimaryChange={(key) =>
              set({
                primaryModel: key,
                additionalModels: (fields.additionalModels ?? []).filter((k) => k !== key),
                variant: null,
              })
            }
            onAdditionalChange={(keys) => set({ additionalModels: keys })}
            onVariantChange={(key) => set({ variant: key })}
            errors={fieldErrors}
          />
        ) : null}

        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="system-vendor"
            label="Vendor"
            value={fields.vendorId}
            emptyLabel="No vendor"
            error={fieldErrors.vendorId}
            options={vendors.map((v) => ({ value: v.id, label: v.label }))}
            onChange={(vendorId) => set({ vendorId })}
          />
          <SelectField
            id="system-owner"
            label="Business owner"
            value={fields.businessOwnerId}
            emptyLabel="Nobody yet"
            error={fieldErrors.businessOwnerId}
            options={members.map((m) => ({ value: m.id, label: m.label }))}
            onChange={(businessOwnerId) => set({ businessOwnerId })}
          />
          <SelectField
            id="system-risk"
            label="Risk tier"
            value={fields.riskTier}
            emptyLabel="Unclassified"
            error={fieldErrors.riskTier}
            options={RISK_TIERS.map((v) => ({ value: v, label: title(v) }))}
            onChange={(riskTier) => set({ riskTier })}
          />
          <SelectField
            id="system-euaiact"
            label="EU AI Act category"
            value={fields.euAiActCategory}
            emptyLabel="Not set"
            error={fieldErrors.euAiActCategory}
            options={EU_AI_ACT_CATEGORIES.map((v) => ({ value: v, label: EU_AI_ACT_LABELS[v] }))}
            onChange={(euAiActCategory) => set({ euAiActCategory })}
          />
          <SelectField
            id="system-data"
            label="Data classification"
            value={fields.dataClassification}
            emptyLabel="Not set"
            error={fieldErrors.dataClassification}
            options={DATA_CLASSIFICATIONS.map((v) => ({ value: v, label: title(v) }))}
            onChange={(dataClassification) => set({ dataClassification })}
          />
          <FormField
            id="system-tags"
            label="Tags"
            error={fieldErrors.tags}
            description="Separate tags with commas."
          >
            <Input
              value={tagText}
              onChange={(e) => {
                setPlan(null);
                setTagText(e.target.value);
              }}
              autoComplete="off"
            />
          </FormField>
        </div>
        {formError ? <Alert variant="error">{formError}</Alert> : null}
        {plan ? (
          <Alert variant="warning" live="polite" title="Review how the duties change">
            <RederivationSummary plan={plan} />
          </Alert>
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending
              ? "Saving…"
              : !existing
                ? "Register system"
                : modelsChanged && !plan
                  ? "Review duty changes"
                  : modelsChanged
                    ? "Apply changes"
                    : "Save changes"}
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
