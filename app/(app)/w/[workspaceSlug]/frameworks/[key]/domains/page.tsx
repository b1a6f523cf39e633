import type { Metadata } from "next";
import Link from "next/link";

import { FrameworkPageHeader, headerInfo } from "@/components/frameworks/framework-page-header";
import { frameworkHref, rowCategories } from "@/components/frameworks/framework-view";
import { humanizeKey } from "@/components/frameworks/scale-style";
import { firstParam } from "@/lib/validation/frameworks";

import { loadFrameworkPage } from "../../_lib/load-framework-page";

type Props = {
  params: Promise<{ workspaceSlug: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load({ params, searchParams }: Props) {
  const { workspaceSlug, key } = await params;
  return loadFrameworkPage(workspaceSlug, key, firstParam((await searchParams).version));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  return { title: `Domains of ${data.framework.name}` };
}

export default async function FrameworkDomainsPage(props: Props) {
  const data = await load(props);
  const info = headerInfo(data);
  const { definition } = data;
  return (
    <>
      <FrameworkPageHeader
        info={info}
        title="Security domains"
        description="Each domain groups the controls for one area of AI security. Open one to see its controls and who holds it under every deployment model."
      />
      <div className="space-y-8">
        {rowCategories(definition).map((category) => (
          <section key={category} aria-labelledby={`category-${category}`}>
            <h2 id={`category-${category}`} className="mb-3 text-lg font-semibold">
              {humanizeKey(category)}
            </h2>
            <ul className="grid gap-3 md:grid-cols-2">
              {definition.rows
                .filter((row) => row.category === category)
                .map((row) => (
                  <li key={row.key} className="rounded-lg border bg-card p-4">
                    <Link
                      href={frameworkHref({
                        slug: info.slug,
                        key: info.key,
                        path: `/domains/${encodeURIComponent(row.key)}`,
                        version: info.version,
                      })}
                      className="font-medium text-primary hover:underline"
                    >
                      {row.name}
                    </Link>
                    <p className="mt-1 text-sm text-muted-foreground">{row.focus}</p>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
