import Link from "next/link";

import { CriticalMarker } from "@/components/frameworks/critical-marker";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { FrameworkColumn } from "@/lib/frameworks/schema";

type DomainLink = { key: string; name: string; href: string; critical: boolean };

function DomainList({
  title,
  domains,
  empty,
}: {
  title: string;
  domains: DomainLink[];
  empty: string;
}) {
  return (
    <div>
      <h4 className="text-sm font-semibold">
        {title} ({domains.length})
      </h4>
      {domains.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 text-sm">
          {domains.map((domain) => (
            <li key={domain.key} className="flex flex-wrap items-center gap-2">
              <Link href={domain.href} className="text-primary hover:underline">
                {domain.name}
              </Link>
              {domain.critical ? <CriticalMarker /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One deployment model in the guide: description, examples, variants, risk, customer duties. */
export function ModelGuideCard({
  column,
  customerDomains,
  sharedDomains,
  totalDomains,
}: {
  column: FrameworkColumn;
  customerDomains: DomainLink[];
  sharedDomains: DomainLink[];
  totalDomains: number;
}) {
  const headingId = `model-${column.key}`;
  return (
    <Card aria-labelledby={headingId} role="region">
      <CardHeader>
        <CardTitle as="h3" id={headingId}>
          {column.name}
        </CardTitle>
        <Badge variant="outline">Risk level: {column.riskLevel ?? "not rated"}</Badge>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm">{column.description}</p>
        {column.examples.length > 0 ? (
          <div>
            <h4 className="text-sm font-semibold">Examples</h4>
            <p className="text-sm text-muted-foreground">{column.examples.join(", ")}</p>
          </div>
        ) : null}
        {column.variants && column.variants.length > 0 ? (
          <div>
            <h4 className="text-sm font-semibold">Variants</h4>
            <ul className="mt-1 space-y-1 text-sm">
              {column.variants.map((variant) => (
                <li key={variant.key}>
                  <span className="font-medium">{variant.name}</span>: {variant.description}
                  {variant.examples && variant.examples.length > 0 ? (
                    <span className="text-muted-foreground">
                      {" "}
                      (e.g. {variant.examples.join(", ")})
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="text-sm text-muted-foreground">
          Puts {customerDomains.length + sharedDomains.length} of {totalDomains} domains fully or
          partly on your side.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <DomainList
            title="On your side"
            domains={customerDomains}
            empty="None: the provider or nobody holds each domain."
          />
          <DomainList title="Shared with the provider" domains={sharedDomains} empty="None." />
        </div>
      </CardContent>
    </Card>
  );
}
