import type { FieldErrors } from "@/lib/errors";

export type UploadOutcome =
  { ok: true; id: string } | { ok: false; message: string; fieldErrors: FieldErrors };

/**
 * Posts one file with its fields to the session upload route. XMLHttpRequest rather than fetch
 * because only it reports upload progress; the browser streams the FormData, nothing is read into
 * memory here. Resolves (never rejects) with the created id or the server's message.
 */
export function uploadEvidenceFile({
  workspaceSlug,
  fields,
  file,
  onProgress,
  signal,
}: {
  workspaceSlug: string;
  fields: Record<string, string | undefined>;
  file: File;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<UploadOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value) form.append(name, value);
  // The file goes last: the server has every field by the time the bytes are stored.
  form.append("file", file, file.name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/workspaces/${encodeURIComponent(workspaceSlug)}/evidence/files`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as {
        id?: string;
        error?: { message?: string; fields?: FieldErrors };
      } | null;
      if (request.status === 201 && body?.id) resolve({ ok: true, id: body.id });
      else
        resolve({
          ok: false,
          message: body?.error?.message ?? `The upload failed (HTTP ${request.status}).`,
          fieldErrors: body?.error?.fields ?? {},
        });
    };
    request.onerror = () =>
      resolve({
        ok: false,
        message: "The connection was lost; nothing was saved. Try again.",
        fieldErrors: {},
      });
    request.onabort = () =>
      resolve({
        ok: false,
        message: "The upload was cancelled; nothing was saved.",
        fieldErrors: {},
      });
    signal?.addEventListener("abort", () => request.abort());
    request.send(form);
  });
}
