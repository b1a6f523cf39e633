"use client";

import { useAction } from "next-safe-action/hooks";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resultFieldErrors, resultFormError, submitFormData } from "@/lib/actions/result";

import { signUpAction } from "@/lib/actions/auth";
import { PasswordRules } from "@/components/auth/password-rules";

export function SignUpForm() {
  const { execute, result, isPending } = useAction(signUpAction);
  const fieldErrors = resultFieldErrors(result);
  const formError = resultFormError(result);
  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={submitFormData((formData) =>
        execute({
          name: String(formData.get("name") ?? ""),
          email: String(formData.get("email") ?? ""),
          password: String(formData.get("password") ?? ""),
          workspaceName: String(formData.get("workspaceName") ?? ""),
        }),
      )}
    >
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      <FormField id="name" label="Your name" error={fieldErrors.name} required>
        <Input name="name" autoComplete="name" autoFocus />
      </FormField>
      <FormField id="email" label="E-mail address" error={fieldErrors.email} required>
        <Input name="email" type="email" autoComplete="email" />
      </FormField>
      <FormField
        id="password"
        label="Password"
        error={fieldErrors.password}
        required
        description={<PasswordRules id="password-rules" />}
      >
        <Input name="password" type="password" autoComplete="new-password" />
      </FormField>
      <FormField
        id="workspaceName"
        label="Workspace name"
        error={fieldErrors.workspaceName}
        description="Your organisation or team. You can rename it later. Leave empty to use your name."
      >
        <Input name="workspaceName" autoComplete="organization" />
      </FormField>
      <Button type="submit" disabled={isPending} className="w-full">
        {isPending ? "Creating your account…" : "Create account and workspace"}
      </Button>
    </form>
  );
}
