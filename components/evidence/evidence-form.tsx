"use client";

import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useId, useState } from "react";

import {
  EvidenceFormFields,
  type EvidenceFormValues,
} from "@/components/evidence/evidence-form-fields";
import { uploadEvidenceFile } from "@/components/evidence/upload-evidence-file";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createEvidenceAction } from "@/lib/actions/evidence";
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";
import type { EvidenceKind } from "@/lib/domain/responsibility";
import type { FieldErrors } from "@/lib/errors";
import type { AttestationType } from "@/lib/validation/evidence";
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

const EMPTY: EvidenceFormValues = {
  title: "",
  description: "",
  collectedAt: "",
  validUntil: "",
  url: "",
  note: "",
  attestationType: "",
  vendorId: "",
  source: "file",
};

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
  const [kind, setKind] = useState<EvidenceKind>(supersedes?.kind ?? kinds[0] ?? "FILE");
  const [values, setValues] = useState<EvidenceFormValues>({
    ...EMPTY,
    title: supersedes?.title ?? "",
    // A revision keeps what it attests and for whom unless changed.
    attestationType: supersedes?.attestationType ?? "",
    vendorId: fixedVendor?.value ?? supersedes?.vendorId ?? "",
    source: supersedes && !supersedes.hasFile ? "link" : "file",
  });
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<{
    message: string;
    fieldErrors: FieldErrors;
  } | null>(null);
  const create = useAction(createEvidenceAction.bind(null, workspaceSlug));

  const usesFile = kind === "FILE" || (kind === "ATTESTATION" && values.source === "file");
  const pending = create.isPending || progress !== null;
  const fieldErrors = uploadError ? uploadError.fieldErrors : resultFieldErrors(create.result);
  const formError = uploadError ? uploadError.message : resultFormError(create.result);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUploadError(null);
    create.reset();
    const common = {
      title: values.title,
      description: values.description,
      collectedAt: values.collectedAt,
      validUntil: values.validUntil,
      dutyIds,
      supersedesId: supersedes?.id,
    };
    const attestation = {
      attestationType: values.attestationType as AttestationType,
      vendorId: values.vendorId || undefined,
    };
    if (usesFile) {
      if (!file) {
        setUploadError({
          message: "Choose a file to upload.",
          fieldErrors: { file: ["Choose a file."] },
        });
        return;
      }
      setProgress(0);
      const outcome = await uploadEvidenceFile({
        workspaceSlug,
        file,
        onProgress: setProgress,
        fields: {
          ...common,
          dutyIds: dutyIds?.join(","),
          kind,
          ...(kind === "ATTESTATION" ? attestation : {}),
        },
      });
      setProgress(null);
      if (outcome.ok) onDone(outcome.id);
      else setUploadError({ message: outcome.message, fieldErrors: outcome.fieldErrors });
      return;
    }
    const input =
      kind === "LINK"
        ? { ...common, kind, url: values.url }
        : kind === "NOTE"
          ? { ...common, kind, note: values.note }
          : { ...common, kind: "ATTESTATION" as const, url: values.url, ...attestation };
    const result = await create.executeAsync(input);
    if (result?.data) onDone(result.data.id);
  }

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-busy={pending}>
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
                  name={`${idPrefix}-kind`}
                  value={option}
                  checked={kind === option}
                  onChange={() => setKind(option)}
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
        kind={kind}
        values={values}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
        file={file}
        onFile={setFile}
        errors={fieldErrors}
        vendors={vendors}
        fixedVendor={fixedVendor}
        usesFile={usesFile}
        titleOptional={usesFile && !supersedes}
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
      {formError ? <Alert variant="error">{formError}</Alert> : null}
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
