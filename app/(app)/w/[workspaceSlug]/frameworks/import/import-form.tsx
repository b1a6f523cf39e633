"use client";

import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { type ChangeEvent, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { importFrameworkAction, previewFrameworkImportAction } from "@/lib/actions/frameworks";
import { resultFormError } from "@/lib/actions/result";

type LoadedFile = { name: string; content: string; format: "yaml" | "json" };

// Server actions accept request bodies up to 1 MB by default; larger files go through the API/CLI.
const MAX_UPLOAD_BYTES = 1024 * 1024;

const OUTCOME_TEXT = {
  "new-framework": "Importing creates a new custom framework in this workspace.",
  "new-version": "Importing adds this version to a framework this workspace already has.",
  unchanged: "This exact version is already imported. There is nothing to do.",
  conflict:
    "This version already exists with different content. Published versions never change: give the file a new version number.",
  "reserved-key": "This key belongs to a built-in framework. Give your framework its own key.",
} as const;

/** Upload → validate → preview → confirm. Nothing is stored before "Import". */
export function ImportForm({ slug }: { slug: string }) {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useAction(previewFrameworkImportAction.bind(null, slug));
  const commit = useAction(importFrameworkAction.bind(null, slug));

  async function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setFile(null);
    setFileError(null);
    preview.reset();
    commit.reset();
    if (!chosen) return;
    if (chosen.size > MAX_UPLOAD_BYTES) {
      setFileError(
        "The file is larger than 1 MB. Import it with the API or the command line instead.",
      );
      return;
    }
    const format = chosen.name.toLowerCase().endsWith(".json") ? "json" : "yaml";
    const loaded = { name: chosen.name, content: await chosen.text(), format } as const;
    setFile(loaded);
    preview.execute({ content: loaded.content, format: loaded.format });
  }

  const result = preview.result.data;
  const previewError = resultFormError(preview.result);
  const commitError = resultFormError(commit.result);
  const committed = commit.result.data;
  const importable =
    result?.ok && (result.outcome === "new-framework" || result.outcome === "new-version");

  return (
    <div className="max-w-3xl space-y-6">
      <FormField
        id="framework-file"
        label="Framework file"
        description="YAML (.yaml, .yml) or JSON (.json), at most 1 MB."
        error={fileError}
      >
        <Input
          type="file"
          accept=".yaml,.yml,.json,application/json,application/yaml"
          onChange={onFileChange}
        />
      </FormField>

      <div role="status" aria-live="polite" className="space-y-4">
        {preview.isPending ? (
          <p className="text-sm text-muted-foreground">Checking {file?.name}…</p>
        ) : null}
        {previewError ? (
          <Alert variant="error" live="off">
            {previewError}
          </Alert>
        ) : null}
        {result && !result.ok ? (
          <Alert
            variant="error"
            live="off"
            title={`${file?.name ?? "The file"} cannot be imported`}
          >
            <p>Fix these problems and choose the file again. Nothing was stored.</p>
            <ul className="mt-2 list-disc space-y-0.5 pl-5 font-mono text-xs">
              {result.errors.map((error, index) => (
                <li key={`${error.path}-${index}`}>
                  {error.path}: {error.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {result?.ok ? (
          <section aria-labelledby="preview-heading" className="rounded-lg border bg-card p-5">
            <h2 id="preview-heading" className="text-base font-semibold">
              Preview
            </h2>
            <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
              {[
                ["Name", result.summary.name],
                ["Key", result.summary.key],
                ["Version", result.summary.version],
                ["Publisher", result.summary.publisher],
                ["Deployment models", String(result.summary.columns)],
                ["Domains", String(result.summary.rows)],
                ["Cells", String(result.summary.cells)],
                ["Critical cells", String(result.summary.criticalCells)],
              ].map(([label, value]) => (
                <div key={label}>
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="font-medium break-words">{value}</dd>
                </div>
              ))}
            </dl>
            <Alert
              className="mt-4"
              live="off"
              variant={importable ? "info" : result.outcome === "unchanged" ? "success" : "error"}
            >
              {OUTCOME_TEXT[result.outcome]}
            </Alert>
          </section>
        ) : null}
        {commitError ? (
          <Alert variant="error" live="off">
            {commitError}
          </Alert>
        ) : null}
        {committed ? (
          <Alert
            variant="success"
            live="off"
            title={`Imported ${committed.name} ${committed.version}`}
          >
            <Link
              href={`/w/${encodeURIComponent(slug)}/frameworks/${encodeURIComponent(committed.key)}?version=${encodeURIComponent(committed.version)}`}
            >
              Open its matrix
            </Link>
          </Alert>
        ) : null}
      </div>

      {importable && file && !committed ? (
        <Button
          type="button"
          disabled={commit.isPending}
          onClick={() => commit.execute({ content: file.content, format: file.format })}
        >
          {commit.isPending
            ? "Importing…"
            : `Import ${result.summary.name} ${result.summary.version}`}
        </Button>
      ) : null}
    </div>
  );
}
