"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { renameWorkspaceAction } from "@/lib/actions/settings";
import { useActionForm } from "@/lib/forms/use-action-form";
import { renameWorkspaceSchema } from "@/lib/validation/workspace";

export function RenameWorkspaceForm({ slug, name }: { slug: string; name: string }) {
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: renameWorkspaceAction.bind(null, slug),
    schema: renameWorkspaceSchema,
    defaultValues: { name },
  });
  return (
    <form noValidate className="grid max-w-md gap-4" onSubmit={onSubmit}>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {action.hasSucceeded ? (
        <Alert variant="success" live="polite">
          Workspace renamed.
        </Alert>
      ) : null}
      <FormField id="name" label="Workspace name" error={fieldError("name")} required>
        <Input {...form.register("name")} />
      </FormField>
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save name"}
        </Button>
      </div>
    </form>
  );
}
