import { GitCompare } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FrameworkDiffView } from "@/components/frameworks/framework-diff-view";
import { FrameworkPageHeader, headerInfo } from "@/components/frameworks/framework-page-header";
import { frameworkHref } from "@/components/frameworks/framework-view";
import { VersionPickerForm } from "@/components/frameworks/version-picker-form";
import { EmptyState } from "@/components/ui/empty-state";
import { NotFoundError } from "@/lib/errors";
import { compareFrameworkVersions } from "@/lib/server/frameworks/compare-framework-versions";
import { compareSearchParamsSchema, firstParam } from "@/lib/validation/frameworks";

import { loadFrameworkPage } from "../../_lib/load-framework-page";

type Props = {
  params: Promise<{ workspaceSlug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const { workspaceSlug, key } = await params;
  const raw = await searchParams;
  const parsed = compareSearchParamsSchema.safeParse({
    from: firstParam(raw.from),
    to: firstParam(raw.to),
  });
  const query = parsed.success ? parsed.data : { from: undefined, to: undefined };
  // Newest version for the header; the two compared versions are chosen below.
  const data = await loadFrameworkPage(workspaceSlug, key, undefined);
  const versions = data.framework.versions.map((v) => v.version);
  const to = query.to ?? versions[0];
  const from = query.from ?? versions.find((v) => v !== to);
  return { data, versions, from, to };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { data } = await load(props);
  return { title: `Compare versions · ${data.framework.name}` };
}

export default async function CompareVersionsPage(props: Props) {
  const { data, versions, from, to } = await load(props);
  const info = headerInfo(data);
  const header = (
    <FrameworkPageHeader
      info={info}
      title="Compare versions"
      description="See what changes when moving from one version to another: cells whose responsibility changed, and domains or deployment models that were added or removed."
    />
  );
  if (versions.length < 2 || !from || !to) {
    return (
      <>
        {header}
        <EmptyState
          icon={GitCompare}
          title="Only one version so far"
          description={`${data.framework.name} has a single version (${versions[0]}). Import a newer version to compare them.`}
        />
      </>
    );
  }
  // Both versions go through the same workspace-scoped service; an unknown one is a 404.
  let comparison;
  try {
    comparison = await compareFrameworkVersions({
      workspaceId: data.auth.workspace.id,
      key: info.key,
      from,
      to,
    });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <>
      {header}
      <VersionPickerForm
        action={frameworkHref({ slug: info.slug, key: info.key, path: "/compare" })}
        versions={versions}
        from={from}
        to={to}
      />
      <FrameworkDiffView
        diff={comparison.diff}
        from={comparison.from.definition}
        to={comparison.to.definition}
      />
    </>
  );
}
