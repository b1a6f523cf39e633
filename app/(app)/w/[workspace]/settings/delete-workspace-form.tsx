"use client";

import { useAction } from "next-safe-action/hooks";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resultFieldErrors, resultFormError, submitFormData } from "@/lib/actions/result";

import { deleteWorkspaceAction } from "@/lib/actions/settings";

/** Typed confirmation and the final-bundle answer; the server checks both again. */
export function DeleteWorkspaceForm({ slug }: { slug: string }) {
  const { execute, result, isPending } = useAction(deleteWorkspaceAction.bind(null, slug));
  const fieldErrors = resultFieldErrors(result);
  const formError = resultFormError(result);
  return (
    <form
      noValidate
      className="grid max-w-md gap-4"
      onSubmit={submitFormData((formData) =>
        execute({
          confirmSlug: String(formData.get("confirmSlug") ?? ""),
          finalBundle: String(formData.get("finalBundle") ?? "") as "downloaded" | "declined",
        }),
      )}
    >
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Final evidence bundle</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="finalBundle" value="downloaded" className="mt-1" />I have
          downloaded a final evidence bundle.
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="finalBundle" value="declined" className="mt-1" />
          We do not need a final evidence bundle.
        </label>
        {fieldErrors.finalBundle ? (
          <p role="alert" className="text-xs font-medium text-destructive">
            {fieldErrors.finalBundle.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <FormField
        id="confirmSlug"
        label={`Type ${slug} to confirm`}
        error={fieldErrors.confirmSlug}
        required
      >
        <Input name="confirmSlug" autoComplete="off" spellCheck={false} />
      </FormField>
      <div>
        <Button type="submit" variant="destructive" disabled={isPending}>
          {isPending ? "Deleting…" : "Delete this workspace"}
        </Button>
      </div>
    </form>
  );
}
