"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { roleLabel } from "@/components/app-shell/nav-items";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/tokens";
import { useActionForm } from "@/lib/forms/use-action-form";
import { createApiTokenSchema, type TOKEN_EXPIRY_CHOICES } from "@/lib/validation/tokens";

const EXPIRY_LABELS: Record<(typeof TOKEN_EXPIRY_CHOICES)[number], string> = {
  "30": "30 days",
  "90": "90 days",
  "365": "1 year",
  never: "Never",
};

export function CreateTokenForm({ slug, roles }: { slug: string; roles: readonly string[] }) {
  const [copied, setCopied] = useState(false);
  const { form, action, onSubmit, fieldError, formError, isPending } = useActionForm({
    action: createApiTokenAction.bind(null, slug),
    schema: createApiTokenSchema,
    defaultValues: { name: "", role: "VIEWER", expiresInDays: "90" },
    actionProps: { onExecute: () => setCopied(false) },
  });
  const created = action.result.data;
  return (
    <div className="grid gap-4">
      <form
        noValidate
        className="grid gap-4 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-start"
        onSubmit={onSubmit}
      >
        <FormField
          id="token-name"
          label="Name"
          error={fieldError("name")}
          required
          description="What uses it, e.g. CI pipeline."
        >
          <Input autoComplete="off" {...form.register("name")} />
        </FormField>
        <FormField id="token-role" label="Role" error={fieldError("role")} required>
          <NativeSelect {...form.register("role")}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="token-expiry" label="Expires after" error={fieldError("expiresInDays")}>
          <NativeSelect {...form.register("expiresInDays")}>
            {Object.entries(EXPIRY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <Button type="submit" disabled={isPending} className="sm:mt-6">
          {isPending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {formError ? <Alert variant="error">{formError}</Alert> : null}
      {created ? (
        <Alert variant="success" live="polite" title={`Token “${created.name}” created`}>
          <p>Copy it now: it is shown only once and cannot be recovered.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="token-secret" className="sr-only">
              New API token
            </label>
            <Input
              id="token-secret"
              readOnly
              value={created.secret}
              className="font-mono text-xs"
            />
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() =>
                void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))
              }
            >
              {copied ? "Copied" : "Copy token"}
            </Button>
          </div>
        </Alert>
      ) : null}
    </div>
  );
}

export function RevokeTokenButton({
  slug,
  tokenId,
  name,
}: {
  slug: string;
  tokenId: string;
  name: string;
}) {
  const { executeAsync } = useAction(revokeApiTokenAction.bind(null, slug));
  return (
    <ConfirmAction
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive">
          Revoke<span className="sr-only"> token {name}</span>
        </Button>
      }
      title={`Revoke the token “${name}”?`}
      description="Requests with it are refused from now on. This cannot be undone."
      confirmLabel="Revoke token"
      run={() => executeAsync({ tokenId })}
    />
  );
}
