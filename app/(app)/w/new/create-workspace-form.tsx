"use client";

import { useRouter } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createWorkspaceAction } from "@/lib/actions/workspaces";
import { useActionForm } from "@/lib/forms/use-action-form";
import { createWorkspaceSchema } from "@/lib/validation/workspace";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: createWorkspaceAction,
    schema: createWorkspaceSchema,
    defaultValues: { name: "", slug: "" },
    actionProps: {
      onSuccess: ({ data }) => {
        if (data) router.push(`/w/${data.slug}`);
      },
    },
  });
  return (
    <form noValidate className="grid gap-4" onSubmit={onSubmit}>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <FormField id="name" label="Workspace name" error={fieldError("name")} required>
        <Input autoComplete="organization" autoFocus {...form.register("name")} />
      </FormField>
      <FormField
        id="slug"
        label="URL name (optional)"
        error={fieldError("slug")}
        description="Appears in links, e.g. /w/acme-security. Lowercase letters, digits and hyphens. Derived from the name when empty; it cannot be changed later."
      >
        <Input autoCapitalize="none" spellCheck={false} {...form.register("slug")} />
      </FormField>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
