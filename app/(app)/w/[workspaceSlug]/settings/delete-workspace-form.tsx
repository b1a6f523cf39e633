"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { deleteWorkspaceAction } from "@/lib/actions/settings";
import { useActionForm } from "@/lib/forms/use-action-form";
import { deleteWorkspaceSchema } from "@/lib/validation/workspace";

/** Typed confirmation and the final-bundle answer; the server checks both again. */
export function DeleteWorkspaceForm({ slug }: { slug: string }) {
  const { form, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: deleteWorkspaceAction.bind(null, slug),
    schema: deleteWorkspaceSchema,
    defaultValues: { confirmSlug: "" },
  });
  const bundleError = fieldError("finalBundle");
  return (
    <form noValidate className="grid max-w-md gap-4" onSubmit={onSubmit}>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <fieldset
        className="grid gap-2"
        aria-invalid={bundleError ? true : undefined}
        aria-describedby={bundleError ? "finalBundle-error" : undefined}
      >
        <legend className="mb-1 text-sm font-medium">Final evidence bundle</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            value="downloaded"
            className="mt-1"
            {...form.register("finalBundle")}
          />
          I have downloaded a final evidence bundle.
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" value="declined" className="mt-1" {...form.register("finalBundle")} />
          We do not need a final evidence bundle.
        </label>
        {bundleError ? (
          <p id="finalBundle-error" role="alert" className="text-xs font-medium text-destructive">
            {bundleError}
          </p>
        ) : null}
      </fieldset>
      <FormField
        id="confirmSlug"
        label={`Type ${slug} to confirm`}
        error={fieldError("confirmSlug")}
        required
      >
        <Input autoComplete="off" spellCheck={false} {...form.register("confirmSlug")} />
      </FormField>
      <div>
        <Button type="submit" variant="destructive" disabled={isPending}>
          {isPending ? "Deleting…" : "Delete this workspace"}
        </Button>
      </div>
    </form>
  );
}
