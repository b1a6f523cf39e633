"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";

import { PasswordRules } from "@/components/auth/password-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resultFieldErrors, resultFormError, submitFormData } from "@/lib/actions/result";

import { changePasswordAction } from "@/lib/actions/account";

export function ChangePasswordForm() {
  const form = useRef<HTMLFormElement>(null);
  const { execute, result, isPending, hasSucceeded } = useAction(changePasswordAction, {
    onSuccess: () => form.current?.reset(),
  });
  const fieldErrors = resultFieldErrors(result);
  const formError = hasSucceeded ? undefined : resultFormError(result);
  const ended = result.data?.endedSessions ?? 0;
  return (
    <form
      ref={form}
      noValidate
      className="grid max-w-md gap-4"
      onSubmit={submitFormData((formData) =>
        execute({
          currentPassword: String(formData.get("currentPassword") ?? ""),
          newPassword: String(formData.get("newPassword") ?? ""),
        }),
      )}
    >
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {hasSucceeded ? (
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
        error={fieldErrors.currentPassword}
        required
      >
        <Input name="currentPassword" type="password" autoComplete="current-password" />
      </FormField>
      <FormField
        id="newPassword"
        label="New password"
        description={<PasswordRules id="new-password-rules" />}
        error={fieldErrors.newPassword}
        required
      >
        <Input name="newPassword" type="password" autoComplete="new-password" />
      </FormField>
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
