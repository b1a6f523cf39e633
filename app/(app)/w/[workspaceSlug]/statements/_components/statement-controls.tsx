"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { NativeSelect } from "@/components/ui/native-select";
import {
  publishStatementAction,
  revokeStatementAction,
  setStatementVisibilityAction,
} from "@/lib/actions/statements";
import {
  STATEMENT_VISIBILITIES,
  STATEMENT_VISIBILITY_LABELS,
  type StatementVisibility,
} from "@/lib/validation/statements";

export function PublishStatementButton({
  slug,
  statementId,
}: {
  slug: string;
  statementId: string;
}) {
  const router = useRouter();
  const { execute, isPending, result } = useAction(publishStatementAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  const error = result.serverError;
  const problems = error?.fieldErrors ? Object.values(error.fieldErrors).flat() : [];
  return (
    <div className="grid gap-2">
      <div>
        <Button disabled={isPending} onClick={() => execute({ statementId })}>
          Publish new version
        </Button>
      </div>
      {error ? (
        <Alert variant="error" role="alert">
          {problems.length > 0 ? (
            <ul className="ml-4 list-disc">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            error.message
          )}
        </Alert>
      ) : null}
    </div>
  );
}

export function StatementVisibilitySelect({
  slug,
  statementId,
  visibility,
}: {
  slug: string;
  statementId: string;
  visibility: StatementVisibility;
}) {
  const router = useRouter();
  const { execute, isPending } = useAction(setStatementVisibilityAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  return (
    <NativeSelect
      wrapperClassName="w-80"
      aria-label="Visibility"
      disabled={isPending}
      defaultValue={visibility}
      onChange={(event) =>
        execute({ statementId, visibility: event.target.value as StatementVisibility })
      }
    >
      {STATEMENT_VISIBILITIES.map((v) => (
        <option key={v} value={v}>
          {STATEMENT_VISIBILITY_LABELS[v]}
        </option>
      ))}
    </NativeSelect>
  );
}

export function RevokeStatementButton({
  slug,
  statementId,
}: {
  slug: string;
  statementId: string;
}) {
  const router = useRouter();
  const action = useAction(revokeStatementAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Revoke</Button>}
      title="Revoke this statement?"
      description="Its link answers “not found” from now on, for the page, the JSON and the OSCAL file. Customers keep what they already imported. This cannot be undone; a new statement gets a new link."
      confirmLabel="Revoke"
      onConfirm={() => action.executeAsync({ statementId })}
    />
  );
}

export function CopyLinkButton({ path }: { path: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="outline"
      onClick={async () => {
        await navigator.clipboard.writeText(`${window.location.origin}${path}`);
        setCopied(true);
      }}
    >
      {copied ? "Link copied" : "Copy link"}
    </Button>
  );
}
