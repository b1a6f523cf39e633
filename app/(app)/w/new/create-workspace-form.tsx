"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resultFieldErrors, resultFormError, submitFormData } from "@/lib/actions/result";

import { createWorkspaceAction } from "@/lib/actions/workspaces";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const { execute, result, isPending } = useAction(createWorkspaceAction, {
    onSuccess: ({ data }) => {
      if (data) router.push(`/w/${data.slug}`);
    },
  });
  const fieldErrors = resultFieldErrors(result);
  const formError = resultFormError(result);
  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={submitFormData((formData) =>
        execute({
          name: String(formData.get("name") ?? ""),
          slug: String(formData.get("slug") ?? ""),
        }),
      )}
    >
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <FormField id="name" label="Workspace name" error={fieldErrors.name} required>
        <Input name="name" autoComplete="organization" autoFocus />
      </FormField>
      <FormField
        id="slug"
        label="URL name (optional)"
        error={fieldErrors.slug}
        description="Appears in links, e.g. /w/acme-security. Lowercase letters, digits and hyphens. Derived from the name when empty; it cannot be changed later."
      >
        <Input name="slug" autoCapitalize="none" spellCheck={false} />
      </FormField>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
