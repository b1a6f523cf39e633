import "server-only";

import { serializeFrameworkDefinition } from "@/lib/frameworks/serialize";
import { getFrameworkVersion } from "@/lib/server/frameworks/get-framework-version";

export type FrameworkExport = {
  fileName: string;
  contentType: string;
  content: string;
};

/**
 * The canonical file of one version: the same bytes for the CLI, the API and a download, and the
 * same bytes again after importing that file elsewhere and exporting it there.
 */
export async function exportFrameworkVersion({
  workspaceId,
  key,
  version,
  format,
}: {
  workspaceId: string | null;
  key: string;
  version: string;
  format: "json" | "yaml";
}): Promise<FrameworkExport> {
  const loaded = await getFrameworkVersion({ workspaceId, key, version });
  return {
    fileName: `${loaded.framework.key}-${loaded.version.version}.${format}`,
    contentType: format === "json" ? "application/json" : "application/yaml",
    content: serializeFrameworkDefinition(loaded.definition, format),
  };
}
