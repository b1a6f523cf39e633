"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { decideReviewItemAction, importStatementAction } from "@/lib/actions/statements";
import { useActionForm } from "@/lib/forms/use-action-form";
import { STATEMENT_MAX_BYTES } from "@/lib/statements/format";
import { importStatementSchema, type ReviewState } from "@/lib/validation/statements";

/**
 * Import a vendor's statement: a file read in the browser, or pasted JSON. The server reads only
 * what is sent here; it never fetches a link.
 */
export function StatementImportForm({ slug, vendorId }: { slug: string; vendorId: string }) {
  const router = useRouter();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const { form, onSubmit, fieldError, action, isPending } = useActionForm({
    action: importStatementAction.bind(null, slug),
    schema: importStatementSchema,
    defaultValues: { vendorId, text: "" },
    errorField: { statement: "text" },
    actionProps: { onSuccess: () => router.refresh() },
    resetOnSuccess: true,
  });
  const serverError = action.result.serverError;
  const problems = serverError?.fieldErrors?.statement ?? [];
  const done = action.result.data;
  return (
    <form className="grid gap-3" noValidate onSubmit={onSubmit} aria-label="Import statement">
      <div className="grid gap-1.5">
        <label htmlFor="statement-file" className="text-sm font-medium">
          Statement file (JSON or OSCAL component definition, at most {STATEMENT_MAX_BYTES / 1024}{" "}
          KB)
        </label>
        <input
          id="statement-file"
          type="file"
          accept="application/json,.json"
          className="text-sm"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setFileProblem(null);
            if (!file) return;
            if (file.size > STATEMENT_MAX_BYTES) {
              setFileProblem(
                `file: ${Math.ceil(file.size / 1024)} KB is larger than the ${STATEMENT_MAX_BYTES / 1024} KB a statement may have`,
              );
              return;
            }
            form.setValue("text", await file.text());
          }}
        />
      </div>
      <FormField
        id="statement-text"
        label="…or paste it here"
        error={problems.length > 0 ? undefined : fieldError("text")}
      >
        <Textarea rows={5} className="font-mono text-xs" {...form.register("text")} />
      </FormField>
      {fileProblem ? (
        <Alert variant="error" role="alert">
          {fileProblem}
        </Alert>
      ) : null}
      {problems.length > 0 ? (
        <Alert variant="error" role="alert" data-testid="import-problems">
          <p>Nothing was imported. {problems.length === 1 ? "Problem" : "Problems"}:</p>
          <ul className="ml-4 list-disc">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : serverError ? (
        <Alert variant="error" role="alert">
          {serverError.message}
        </Alert>
      ) : null}
      {done ? (
        <Alert variant="success" data-testid="import-result">
          Imported version {done.version} of {done.productName}: {done.linkedDuties} provider duties
          now backed by its attestations, {done.reviewItems} cells to review.
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={isPending}>
          Import statement
        </Button>
      </div>
    </form>
  );
}

export function ReviewItemButtons({
  slug,
  itemId,
  state,
}: {
  slug: string;
  itemId: string;
  state: ReviewState;
}) {
  const router = useRouter();
  const { execute, isPending } = useAction(decideReviewItemAction.bind(null, slug), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex gap-1">
      {state !== "ACKNOWLEDGED" ? (
        <Button
          size="sm"
          variant="outline"
          disabled={isPending}
          onClick={() => execute({ itemId, state: "ACKNOWLEDGED" })}
        >
          Acknowledge
        </Button>
      ) : null}
      {state !== "RESOLVED" ? (
        <Button
          size="sm"
          variant="outline"
          disabled={isPending}
          onClick={() => execute({ itemId, state: "RESOLVED" })}
        >
          Resolved
        </Button>
      ) : (
        <Button
          size="sm"
          variant="ghost"
          disabled={isPending}
          onClick={() => execute({ itemId, state: "OPEN" })}
        >
          Reopen
        </Button>
      )}
    </div>
  );
}
