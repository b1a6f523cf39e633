"use client";

import { useAction } from "next-safe-action/hooks";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resultFieldErrors, resultFormError, submitFormData } from "@/lib/actions/result";

import { renameWorkspaceAction } from "@/lib/actions/settings";

export function RenameWorkspaceForm({ slug, name }: { slug: string; name: string }) {
  const { execute, result, isPending, hasSucceeded } = useAction(
    renameWorkspaceAction.bind(null, slug),
  );
  const fieldErrors = resultFieldErrors(result);
  const formError = resultFormError(result);
  return (
    <form
      noValidate
      className="grid max-w-md gap-4"
      onSubmit={submitFormData((formData) => execute({ name: String(formData.get("name") ?? "") }))}
    >
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {hasSucceeded ? (
        <Alert variant="success" live="polite">
          Workspace renamed.
        </Alert>
      ) : null}
      <FormField id="name" label="Workspace name" error={fieldErrors.name} required>
        <Input name="name" defaultValue={name} />
      </FormField>
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save name"}
        </Button>
      </div>
    </form>
  );
}
