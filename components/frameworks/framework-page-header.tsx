import type { ReactNode } from "react";

import { FrameworkTabs } from "@/components/frameworks/framework-tabs";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";

export type FrameworkHeaderInfo = {
  slug: string;
  key: string;
  name: string;
  publisher: string;
  builtIn: boolean;
  version: string;
  /** Whether the chosen version has layers (row groups), which adds the Layers tab. */
  hasLayers: boolean;
};

/** Title, breadcrumbs and section tabs shared by every page of one framework. */
export function FrameworkPageHeader({
  info,
  title,
  description,
  actions,
  crumbs = [],
}: {
  info: FrameworkHeaderInfo;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Extra breadcrumbs after the framework itself. */
  crumbs?: { label: string; href?: string }[];
}) {
  const catalog = `/w/${encodeURIComponent(info.slug)}/frameworks`;
  const basePath = `${catalog}/${encodeURIComponent(info.key)}`;
  const versionQuery = `?version=${encodeURIComponent(info.version)}`;
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={actions}
        breadcrumbs={[
          { label: "Frameworks", href: catalog },
          { label: info.name, href: `${basePath}${versionQuery}` },
          ...crumbs,
        ]}
        meta={
          <>
            <Badge variant="outline">Version {info.version}</Badge>
            <Badge variant={info.builtIn ? "secondary" : "accent"}>
              {info.builtIn ? "Built-in" : "Custom"}
            </Badge>
          </>
        }
        className="mb-4"
      />
      <FrameworkTabs
        basePath={basePath}
        version={info.version}
        tabs={[
          { label: "Matrix", path: "", exact: true },
          { label: "Deployment models", path: "/models" },
          { label: "Domains", path: "/domains" },
          ...(info.hasLayers ? [{ label: "Layers and parties", path: "/layers" }] : []),
          { label: "Compare versions", path: "/compare" },
        ]}
      />
    </>
  );
}

export function headerInfo(data: {
  auth: { workspace: { slug: string } };
  framework: { key: string; name: string; publisher: string; builtIn: boolean };
  version: { version: string };
  definition: { rowGroups?: unknown[] };
}): FrameworkHeaderInfo {
  return {
    slug: data.auth.workspace.slug,
    key: data.framework.key,
    name: data.framework.name,
    publisher: data.framework.publisher,
    builtIn: data.framework.builtIn,
    version: data.version.version,
    hasLayers: (data.definition.rowGroups?.length ?? 0) > 0,
  };
}
