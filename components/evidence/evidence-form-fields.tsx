"use client";

import type { FieldPath, UseFormReturn } from "react-hook-form";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { EvidenceKind } from "@/lib/domain/responsibility";
import { ATTESTATION_TYPE_LABELS, ATTESTATION_TYPES } from "@/lib/validation/evidence";
import type { Option } from "@/lib/view/evidence/labels";
import { formatBytes } from "@/lib/view/format";

export type EvidenceFormValues = {
  kind: EvidenceKind;
  title: string;
  description: string;
  collectedAt: string;
  validUntil: string;
  url: string;
  note: string;
  attestationType: string;
  vendorId: string;
  /** An attestation is either an uploaded document or a link to one (a trust-centre page). */
  source: "file" | "link";
  /** The chosen file; it goes to the upload route, not to the action. */
  file: File | null;
};

type Props = {
  idPrefix: string;
  form: UseFormReturn<EvidenceFormValues, unknown, unknown>;
  fieldError: (name: FieldPath<EvidenceFormValues>) => string | undefined;
  vendors: Option[];
  fixedVendor?: Option;
  usesFile: boolean;
  titleOptional: boolean;
};

/** The controls of the evidence form for the chosen kind; every one labelled, errors announced. */
export function EvidenceFormFields({
  idPrefix,
  form,
  fieldError,
  vendors,
  fixedVendor,
  usesFile,
  titleOptional,
}: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const { register, setValue, watch } = form;
  const [kind, file] = watch(["kind", "file"]);
  return (
    <>
      {kind === "ATTESTATION" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField
            id={id("attestationType")}
            label="Type of attestation"
            required
            error={fieldError("attestationType")}
          >
            <NativeSelect {...register("attestationType")}>
              <option value="">Choose a type</option>
              {ATTESTATION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {ATTESTATION_TYPE_LABELS[type]}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          {fixedVendor ? (
            <p className="self-end text-sm">
              Held for vendor <span className="font-medium">{fixedVendor.label}</span>
            </p>
          ) : (
            <FormField
              id={id("vendorId")}
              label="Vendor (optional)"
              description="An attestation held for a vendor covers the provider's part of all its systems."
              error={fieldError("vendorId")}
            >
              <NativeSelect {...register("vendorId")}>
                <option value="">No vendor</option>
                {vendors.map((vendor) => (
                  <option key={vendor.value} value={vendor.value}>
                    {vendor.label}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          )}
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">The attestation is</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              {(["file", "link"] as const).map((option) => (
                <label key={option} className="flex items-center gap-2">
                  <input type="radio" value={option} {...register("source")} />
                  {option === "file" ? "A document to upload" : "A link to it"}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      ) : null}
      {usesFile ? (
        <FormField
          id={id("file")}
          label="File"
          required
          description="PDF, image (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint or text (TXT, CSV, JSON, Markdown). The type is checked from the content, not the name."
          error={fieldError("file")}
        >
          <Input
            type="file"
            onChange={(e) =>
              setValue("file", e.target.files?.[0] ?? null, {
                shouldValidate: form.formState.isSubmitted,
              })
            }
          />
        </FormField>
      ) : null}
      {usesFile && file ? (
        <p className="-mt-2 text-xs text-muted-foreground">
          {file.name}, {formatBytes(file.size)}
        </p>
      ) : null}
      {kind === "LINK" || (kind === "ATTESTATION" && !usesFile) ? (
        <FormField
          id={id("url")}
          label="Address (URL)"
          required
          description="An http:// or https:// address."
          error={fieldError("url")}
        >
          <Input type="url" inputMode="url" placeholder="https://" {...register("url")} />
        </FormField>
      ) : null}
      <FormField
        id={id("title")}
        label={titleOptional ? "Title (optional)" : "Title"}
        required={!titleOptional}
        description={titleOptional ? "Leave empty to use the file name." : undefined}
        error={fieldError("title")}
      >
        <Input maxLength={200} {...register("title")} />
      </FormField>
      {kind === "NOTE" ? (
        <FormField
          id={id("note")}
          label="Note"
          required
          description="Markdown: **bold**, lists, links to http(s) addresses. HTML is shown as text."
          error={fieldError("note")}
        >
          <Textarea rows={6} {...register("note")} />
        </FormField>
      ) : null}
      <FormField
        id={id("description")}
        label="Description (optional)"
        error={fieldError("description")}
      >
        <Textarea rows={2} {...register("description")} />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          id={id("collectedAt")}
          label="Collected on"
          description="Defaults to today."
          error={fieldError("collectedAt")}
        >
          <Input type="date" {...register("collectedAt")} />
        </FormField>
        <FormField
          id={id("validUntil")}
          label="Valid until (optional)"
          description="It stops counting after this day."
          error={fieldError("validUntil")}
        >
          <Input type="date" {...register("validUntil")} />
        </FormField>
      </div>
      {fieldError("kind") ? (
        <p role="alert" className="text-sm text-destructive">
          {fieldError("kind")}
        </p>
      ) : null}
    </>
  );
}
