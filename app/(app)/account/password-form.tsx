"use client";

import { PasswordRules } from "@/components/auth/password-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/lib/actions/account";
import { useActionForm } from "@/lib/forms/use-action-form";
import { changePasswordSchema } from "@/lib/validation/account";

export function ChangePasswordForm() {
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: changePasswordAction,
    schema: changePasswordSchema,
    defaultValues: { currentPassword: "", newPassword: "" },
    resetOnSuccess: true,
  });
  const ended = action.result.data?.endedSessions ?? 0;
  return (
    <form noValidate className="grid max-w-md gap-4" onSubmit={onSubmit}>
      {formError && !action.hasSucceeded ? <Alert variant="error">{formError}</Alert> : null}
      {action.hasSucceeded ? (
        <Alert variant="success" live="polite">
          Password changed.{" "}
          {ended === 0
            ? "You had no other sessions."
            : `${ended} other session${ended === 1 ? " was" : "s were"} signed out.`}
        </Alert>
      ) : null}
      <FormField
        id="currentPassword"
        label="Current password"
        error={fieldError("currentPassword")}
        required
      >
        <Input
          type="password"
          autoComplete="current-password"
          {...form.register("currentPassword")}
        />
      </FormField>
      <FormField
        id="newPassword"
        label="New password"
        description={<PasswordRules id="new-password-rules" />}
        error={fieldError("newPassword")}
        required
      >
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </FormField>
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
