"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { createVendorAction, updateVendorAction } from "@/lib/actions/vendors";
import { useActionForm } from "@/lib/forms/use-action-form";
import { createVendorSchema, updateVendorSchema } from "@/lib/validation/vendors";

export type VendorFormValues = {
  name: string;
  kind: string | null;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  notes: string | null;
};

const EMPTY: VendorFormValues = {
  name: "",
  kind: null,
  website: null,
  contactName: null,
  contactEmail: null,
  notes: null,
};

type VendorField = keyof VendorFormValues;

/** Creates a vendor, or edits one when `vendorId` is given. */
export function VendorForm({
  slug,
  vendorId,
  initial = EMPTY,
}: {
  slug: string;
  vendorId?: string;
  initial?: VendorFormValues;
}) {
  return vendorId ? (
    <EditVendorForm slug={slug} vendorId={vendorId} initial={initial} />
  ) : (
    <NewVendorForm slug={slug} initial={initial} />
  );
}

function NewVendorForm({ slug, initial }: { slug: string; initial: VendorFormValues }) {
  const router = useRouter();
  const createVendor = createVendorAction.bind(null, slug);
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: createVendor,
    schema: createVendorSchema,
    defaultValues: initial,
    actionProps: {
      onSuccess: ({ data }) => router.push(`/w/${slug}/vendors/${data.id}`),
    },
  });
  return (
    <VendorFields
      prefix="vendor-new"
      register={(name) => form.register(name)}
      fieldError={fieldError}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={isPending ? "Saving…" : "Add vendor"}
      isPending={isPending}
    />
  );
}

function EditVendorForm({
  slug,
  vendorId,
  initial,
}: {
  slug: string;
  vendorId: string;
  initial: VendorFormValues;
}) {
  const router = useRouter();
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: updateVendorAction.bind(null, slug),
    schema: updateVendorSchema,
    defaultValues: { ...initial, vendorId },
    actionProps: { onSuccess: () => router.refresh() },
  });
  return (
    <VendorFields
      prefix="vendor-edit"
      register={(name) => form.register(name)}
      fieldError={fieldError}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={isPending ? "Saving…" : "Save vendor"}
      isPending={isPending}
      saved={Boolean(action.result.data)}
    />
  );
}

function VendorFields({
  prefix,
  register,
  fieldError,
  formError,
  onSubmit,
  submitLabel,
  isPending,
  saved = false,
}: {
  prefix: string;
  register: (name: VendorField) => UseFormRegisterReturn;
  fieldError: (name: VendorField) => string | undefined;
  formError?: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  isPending: boolean;
  saved?: boolean;
}) {
  const errors = fieldError;
  return (
    <form noValidate className="grid gap-4 sm:grid-cols-2" onSubmit={onSubmit}>
      <FormField id={`${prefix}-name`} label="Name" required error={errors("name")}>
        <Input {...register("name")} autoComplete="off" />
      </FormField>
      <FormField
        id={`${prefix}-kind`}
        label="Kind"
        error={errors("kind")}
        description="For example model provider, cloud platform, SaaS."
      >
        <Input {...register("kind")} />
      </FormField>
      <FormField id={`${prefix}-website`} label="Website" error={errors("website")}>
        <Input type="url" {...register("website")} />
      </FormField>
      <FormField id={`${prefix}-contact`} label="Contact name" error={errors("contactName")}>
        <Input {...register("contactName")} />
      </FormField>
      <FormField id={`${prefix}-email`} label="Contact e-mail" error={errors("contactEmail")}>
        <Input type="email" {...register("contactEmail")} />
      </FormField>
      <FormField
        id={`${prefix}-notes`}
        label="Notes"
        error={errors("notes")}
        className="sm:col-span-2"
      >
        <Textarea rows={2} {...register("notes")} />
      </FormField>
      {formError ? (
        <Alert variant="error" className="sm:col-span-2">
          {formError}
        </Alert>
      ) : null}
      {saved ? (
        <p role="status" className="text-sm sm:col-span-2">
          Saved.
        </p>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
