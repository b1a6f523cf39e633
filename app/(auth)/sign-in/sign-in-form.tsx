"use client";

import { useAction } from "next-safe-action/hooks";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resultFieldErrors, resultFormError, submitFormData } from "@/lib/actions/result";

import { signInAction } from "@/lib/actions/auth";

export function SignInForm({
  callbackUrl,
  defaultEmail,
}: {
  callbackUrl: string;
  defaultEmail?: string;
}) {
  const { execute, result, isPending } = useAction(signInAction);
  const fieldErrors = resultFieldErrors(result);
  const formError = resultFormError(result);
  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={submitFormData((formData) =>
        execute({
          email: String(formData.get("email") ?? ""),
          password: String(formData.get("password") ?? ""),
          callbackUrl,
        }),
      )}
    >
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <FormField id="email" label="E-mail address" error={fieldErrors.email} required>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={defaultEmail}
          autoFocus
        />
      </FormField>
      <FormField id="password" label="Password" error={fieldErrors.password} required>
        <Input name="password" type="password" autoComplete="current-password" />
      </FormField>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
