"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { EvidenceKind } from "@/lib/domain/responsibility";
import type { FieldErrors } from "@/lib/errors";
import { ATTESTATION_TYPE_LABELS, ATTESTATION_TYPES } from "@/lib/validation/evidence";
import type { Option } from "@/lib/view/evidence/labels";
import { formatBytes } from "@/lib/view/format";

export type EvidenceFormValues = {
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
};

type Props = {
  idPrefix: string;
  kind: EvidenceKind;
  values: EvidenceFormValues;
  onChange: (patch: Partial<EvidenceFormValues>) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  errors: FieldErrors;
  vendors: Option[];
  fixedVendor?: Option;
  usesFile: boolean;
  titleOptional: boolean;
};

/** The controls of the evidence form for the chosen kind; every one labelled, errors announced. */
export function EvidenceFormFields({
  idPrefix,
  kind,
  values,
  onChange,
  file,
  onFile,
  errors,
  vendors,
  fixedVendor,
  usesFile,
  titleOptional,
}: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      {kind === "ATTESTATION" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField
            id={id("attestationType")}
            label="Type of attestation"
            required
            error={errors.attestationType}
          >
            <NativeSelect
              value={values.attestationType}
              onChange={(e) => onChange({ attestationType: e.target.value })}
            >
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
              error={errors.vendorId}
            >
              <NativeSelect
                value={values.vendorId}
                onChange={(e) => onChange({ vendorId: e.target.value })}
              >
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
              {(["file", "link"] as const).map((source) => (
                <label key={source} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name={id("source")}
                    value={source}
                    checked={values.source === source}
                    onChange={() => onChange({ source })}
                  />
                  {source === "file" ? "A document to upload" : "A link to it"}
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
          error={errors.file}
        >
          <Input type="file" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
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
          error={errors.url}
        >
          <Input
            type="url"
            inputMode="url"
            placeholder="https://"
            value={values.url}
            onChange={(e) => onChange({ url: e.target.value })}
          />
        </FormField>
      ) : null}
      <FormField
        id={id("title")}
        label={titleOptional ? "Title (optional)" : "Title"}
        required={!titleOptional}
        description={titleOptional ? "Leave empty to use the file name." : undefined}
        error={errors.title}
      >
        <Input
          value={values.title}
          maxLength={200}
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </FormField>
      {kind === "NOTE" ? (
        <FormField
          id={id("note")}
          label="Note"
          required
          description="Markdown: **bold**, lists, links to http(s) addresses. HTML is shown as text."
          error={errors.note}
        >
          <Textarea
            rows={6}
            value={values.note}
            onChange={(e) => onChange({ note: e.target.value })}
          />
        </FormField>
      ) : null}
      <FormField id={id("description")} label="Description (optional)" error={errors.description}>
        <Textarea
          rows={2}
          value={values.description}
          onChange={(e) => onChange({ description: e.target.value })}
        />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          id={id("collectedAt")}
          label="Collected on"
          description="Defaults to today."
          error={errors.collectedAt}
        >
          <Input
            type="date"
            value={values.collectedAt}
            onChange={(e) => onChange({ collectedAt: e.target.value })}
          />
        </FormField>
        <FormField
          id={id("validUntil")}
          label="Valid until (optional)"
          description="It stops counting after this day."
          error={errors.validUntil}
        >
          <Input
            type="date"
            value={values.validUntil}
            onChange={(e) => onChange({ validUntil: e.target.value })}
          />
        </FormField>
      </div>
      {errors.dutyIds || errors.supersedesId || errors.kind ? (
        <p role="alert" className="text-sm text-destructive">
          {[...(errors.dutyIds ?? []), ...(errors.supersedesId ?? []), ...(errors.kind ?? [])].join(
            " ",
          )}
        </p>
      ) : null}
    </>
  );
}
