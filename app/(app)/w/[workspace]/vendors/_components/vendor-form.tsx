"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { resultFieldErrors, resultFormError } from "@/lib/actions/result";

import { createVendorAction, updateVendorAction } from "@/lib/actions/vendors";

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
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const create = useAction(createVendorAction.bind(null, slug), {
    onSuccess: ({ data }) => data && router.push(`/w/${slug}/vendors/${data.id}`),
  });
  const update = useAction(updateVendorAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  const active = vendorId ? update : create;
  const errors = resultFieldErrors(active.result);
  const formError = resultFormError(active.result);
  const field = (name: keyof VendorFormValues) => ({
    value: values[name] ?? "",
    onChange: (e: { target: { value: string } }) =>
      setValues({ ...values, [name]: e.target.value }),
  });
  const prefix = vendorId ? "vendor-edit" : "vendor-new";
  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (vendorId) update.execute({ ...values, vendorId } as never);
        else create.execute(values as never);
      }}
    >
      <FormField id={`${prefix}-name`} label="Name" required error={errors.name}>
        <Input {...field("name")} autoComplete="off" />
      </FormField>
      <FormField
        id={`${prefix}-kind`}
        label="Kind"
        error={errors.kind}
        description="For example model provider, cloud platform, SaaS."
      >
        <Input {...field("kind")} />
      </FormField>
      <FormField id={`${prefix}-website`} label="Website" error={errors.website}>
        <Input type="url" {...field("website")} />
      </FormField>
      <FormField id={`${prefix}-contact`} label="Contact name" error={errors.contactName}>
        <Input {...field("contactName")} />
      </FormField>
      <FormField id={`${prefix}-email`} label="Contact e-mail" error={errors.contactEmail}>
        <Input type="email" {...field("contactEmail")} />
      </FormField>
      <FormField
        id={`${prefix}-notes`}
        label="Notes"
        error={errors.notes}
        className="sm:col-span-2"
      >
        <Textarea rows={2} {...field("notes")} />
      </FormField>
      {formError ? (
        <Alert variant="error" className="sm:col-span-2">
          {formError}
        </Alert>
      ) : null}
      {vendorId && update.result.data ? (
        <p role="status" className="text-sm sm:col-span-2">
          Saved.
        </p>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={active.isPending}>
          {active.isPending ? "Saving…" : vendorId ? "Save vendor" : "Add vendor"}
        </Button>
      </div>
    </form>
  );
}
