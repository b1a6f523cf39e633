import { Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { frameworkHref } from "@/components/frameworks/framework-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listFrameworks } from "@/lib/server/frameworks/list-frameworks";

export const metadata: Metadata = { title: "Frameworks" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function FrameworksPage({ params }: Props) {
  const { workspaceSlug } = await params;
  const auth = await requireWorkspacePage(workspaceSlug, "framework.read");
  const frameworks = await listFrameworks({ workspaceId: auth.workspace.id });
  const slug = auth.workspace.slug;
  return (
    <>
      <PageHeader
        title="Frameworks"
        description="The responsibility models your AI systems are assessed against. Built-in frameworks are available to every workspace; custom ones are imported by this workspace's admins and visible only here."
        actions={
          can(auth.role, "framework.import") ? (
            <Button asChild>
              <Link href={`/w/${encodeURIComponent(slug)}/frameworks/import`}>
                <Upload aria-hidden="true" />
                Import a framework
              </Link>
            </Button>
          ) : null
        }
      />
      <ul className="grid gap-4 lg:grid-cols-2">
        {frameworks.map((framework) => {
          const newest = framework.versions[0]?.version;
          return (
            <li key={framework.id}>
              <Card className="h-full">
                <CardHeader>
                  <div>
                    <CardTitle>
                      <Link
                        href={frameworkHref({ slug, key: framework.key })}
                        className="hover:underline"
                      >
                        {framework.name}
                      </Link>
                    </CardTitle>
                    <CardDescription>{framework.publisher}</CardDescription>
                  </div>
                  <Badge variant={framework.builtIn ? "secondary" : "accent"}>
                    {framework.builtIn ? "Built-in" : "Custom"}
                  </Badge>
                </CardHeader>
                <CardContent className="space-y-3 text-sm">
                  <p>
                    <span className="text-muted-foreground">Versions: </span>
                    {framework.versions.map((v) => v.version).join(", ")}
                  </p>
                  <ul
                    className="flex flex-wrap gap-x-4 gap-y-1"
                    aria-label={`${framework.name} pages`}
                  >
                    <li>
                      <Link
                        href={frameworkHref({ slug, key: framework.key, version: newest })}
                        className="font-medium text-primary hover:underline"
                      >
                        Matrix
                      </Link>
                    </li>
                    <li>
                      <Link
                        href={frameworkHref({
                          slug,
                          key: framework.key,
                          path: "/models",
                          version: newest,
                        })}
                        className="font-medium text-primary hover:underline"
                      >
                        Deployment models
                      </Link>
                    </li>
                    <li>
                      <Link
                        href={frameworkHref({
                          slug,
                          key: framework.key,
                          path: "/domains",
                          version: newest,
                        })}
                        className="font-medium text-primary hover:underline"
                      >
                        Domains
                      </Link>
                    </li>
                    {framework.versions.length > 1 ? (
                      <li>
                        <Link
                          href={frameworkHref({ slug, key: framework.key, path: "/compare" })}
                          className="font-medium text-primary hover:underline"
                        >
                          Compare versions
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ul>
      <p className="mt-8 text-sm text-muted-foreground">
        Sources and licences of the built-in frameworks are listed on the{" "}
        <Link href="/about" className="font-medium text-primary underline">
          About page
        </Link>
        .
      </p>
    </>
  );
}
