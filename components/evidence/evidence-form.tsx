"use client";

import { useId, useState } from "react";
import type { z } from "zod";

import {
  EvidenceFormFields,
  type EvidenceFormValues,
} from "@/components/evidence/evidence-form-fields";
import { uploadEvidenceFile } from "@/components/evidence/upload-evidence-file";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createEvidenceAction } from "@/lib/actions/evidence";
import type { EvidenceKind } from "@/lib/domain/responsibility";
import { useActionForm } from "@/lib/forms/use-action-form";
import {
  type AttestationType,
  createEvidenceBodySchema,
  evidenceUploadFormSchema,
} from "@/lib/validation/evidence";
import { KIND_LABELS, type Option } from "@/lib/view/evidence/labels";

export type EvidenceFormProps = {
  workspaceSlug: string;
  /** Kinds offered, in order; the first is selected. */
  kinds: readonly EvidenceKind[];
  /** Parts the new item is linked to as it is created (the attach dialog passes one). */
  dutyIds?: string[];
  /** Makes the item a new revision of this one (same kind; its links move to the new item). */
  supersedes?: {
    id: string;
    kind: EvidenceKind;
    title: string;
    attestationType?: string | null;
    vendorId?: string | null;
    hasFile?: boolean;
  };
  /** Vendors an attestation may be held for; `fixedVendor` preselects one and hides the choice. */
  vendors?: Option[];
  fixedVendor?: Option;
  submitLabel?: string;
  onDone: (evidenceId: string) => void;
};

/** A file, or an attestation given as a document, goes to the upload route; the rest to the action. */
const usesFile = ({ kind, source }: Pick<EvidenceFormValues, "kind" | "source">) =>
  kind === "FILE" || (kind === "ATTESTATION" && source === "file");

/** The item's links and revision: not fields of the form, but part of what it sends. */
type Relations = { dutyIds?: string[]; supersedesId?: string };

/** The action's input (link, note, attestation by link) from the form's fields. */
function toCreateInput(
  values: EvidenceFormValues,
  relations: Relations,
): z.input<typeof createEvidenceBodySchema> {
  const common = {
    title: values.title,
    description: values.description,
    collectedAt: values.collectedAt,
    validUntil: values.validUntil,
    ...relations,
  };
  // The schema names the kinds it accepts; FILE never gets here (usesFile).
  if (values.kind === "NOTE") return { ...common, kind: values.kind, note: values.note };
  if (values.kind === "ATTESTATION")
    return {
      ...common,
      kind: values.kind,
      url: values.url,
      // The select offers only the schema's types, or "" which the schema answers "required".
      attestationType: values.attestationType as AttestationType,
      vendorId: values.vendorId,
    };
  return { ...common, kind: "LINK", url: values.url };
}

/** The upload route's text fields (multipart strings, the links comma-separated). */
function toUploadFields(values: EvidenceFormValues, relations: Relations) {
  return {
    kind: values.kind,
    title: values.title,
    description: values.description,
    collectedAt: values.collectedAt,
    validUntil: values.validUntil,
    dutyIds: relations.dutyIds?.join(","),
    supersedesId: relations.supersedesId,
    ...(values.kind === "ATTESTATION"
      ? { attestationType: values.attestationType, vendorId: values.vendorId }
      : {}),
  };
}

/** Errors about the links, the revision or the kind show beside the kind. */
const errorField = { dutyIds: "kind", supersedesId: "kind" } as const;

/**
 * Adds one evidence item: a file (uploaded with progress to the session upload route), a link, a
 * Markdown note, or an attestation (file or link). Used by the library, the attach dialog of a
 * part, "upload new revision" and the vendor page, so every entry point validates the same way.
 */
export function EvidenceForm({
  workspaceSlug,
  kinds,
  dutyIds,
  supersedes,
  vendors = [],
  fixedVendor,
  submitLabel,
  onDone,
}: EvidenceFormProps) {
  const idPrefix = useId();
  const relations: Relations = { dutyIds, supersedesId: supersedes?.id };
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const createEvidence = createEvidenceAction.bind(null, workspaceSlug);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: createEvidence,
    schema: createEvidenceBodySchema,
    defaultValues: {
      kind: supersedes?.kind ?? kinds[0] ?? "FILE",
      title: supersedes?.title ?? "",
      description: "",
      collectedAt: "",
      validUntil: "",
      url: "",
      note: "",
      // A revision keeps what it attests and for whom unless changed.
      attestationType: supersedes?.attestationType ?? "",
      vendorId: fixedVendor?.value ?? supersedes?.vendorId ?? "",
      source: supersedes && !supersedes.hasFile ? "link" : "file",
      file: null,
    },
    toInput: (values: EvidenceFormValues) => toCreateInput(values, relations),
    checkWith: (values) =>
      usesFile(values)
        ? {
            schema: evidenceUploadFormSchema,
            input: { ...toUploadFields(values, relations), file: values.file },
          }
        : undefined,
    errorField,
    actionProps: { onSuccess: ({ data }) => onDone(data.id) },
  });

  const [kind, source, file] = form.watch(["kind", "source", "file"]);
  const withFile = usesFile({ kind, source });
  const pending = isPending || progress !== null;

  // The file goes with its fields to the upload route (with progress); the form checked both.
  const upload = form.handleSubmit(async () => {
    const values = form.getValues();
    if (!values.file) return;
    setUploadError(null);
    action.reset();
    setProgress(0);
    const outcome = await uploadEvidenceFile({
      workspaceSlug,
      file: values.file,
      onProgress: setProgress,
      fields: toUploadFields(values, relations),
    });
    setProgress(null);
    if (outcome.ok) return onDone(outcome.id);
    setUploadError(outcome.message);
    for (const [name, messages] of Object.entries(outcome.fieldErrors))
      form.setError(name in errorField ? "kind" : (name as keyof EvidenceFormValues), {
        type: "server",
        message: messages.join(" "),
      });
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        setUploadError(null);
        return withFile ? upload(event) : onSubmit(event);
      }}
      className="grid gap-4"
      aria-busy={pending}
    >
      {supersedes || kinds.length === 1 ? null : (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Kind of evidence</legend>
          <div className="flex flex-wrap gap-2">
            {kinds.map((option) => (
              <label
                key={option}
                className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring"
              >
                <input
                  type="radio"
                  value={option}
                  {...form.register("kind", { onChange: () => form.clearErrors() })}
                  className="size-3.5"
                />
                {KIND_LABELS[option]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <EvidenceFormFields
        idPrefix={idPrefix}
        form={form}
        fieldError={fieldError}
        vendors={vendors}
        fixedVendor={fixedVendor}
        usesFile={withFile}
        titleOptional={withFile && !supersedes}
      />
      {progress !== null ? (
        <div className="grid gap-1">
          <label htmlFor={`${idPrefix}-progress`} className="text-sm">
            Uploading {file?.name}: {Math.round(progress * 100)}%
          </label>
          <progress
            id={`${idPrefix}-progress`}
            max={100}
            value={Math.round(progress * 100)}
            className="h-2 w-full accent-primary"
          />
        </div>
      ) : null}
      {(uploadError ?? formError) ? (
        <Alert variant="error">{uploadError ?? formError}</Alert>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending
            ? progress !== null
              ? "Uploading…"
              : "Saving…"
            : (submitLabel ?? (supersedes ? "Save new revision" : "Add evidence"))}
        </Button>
      </div>
    </form>
  );
}
