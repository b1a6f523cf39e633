import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { RelatedReference } from "@/lib/crosswalks/active-mapping";
import { derivationLabel, relationshipLabel } from "@/lib/view/crosswalks/references";

function byCatalogue(references: readonly RelatedReference[]) {
  const groups: { key: string; name: string; items: RelatedReference[] }[] = [];
  for (const reference of references) {
    const last = groups.at(-1);
    if (last?.key === reference.catalogue) last.items.push(reference);
    else
      groups.push({ key: reference.catalogue, name: reference.catalogueName, items: [reference] });
  }
  return groups;
}

/**
 * One line naming how many references of each catalogue a domain relates to, linking to where
 * they are listed in full (the domain page). For lists that repeat it for every domain, such as
 * a system's duties: the full list there made a system page weigh ~700 KB.
 */
export function RelatedReferencesSummary({
  references,
  href,
}: {
  references: readonly RelatedReference[];
  href: string;
}) {
  if (references.length === 0) return null;
  const counts = byCatalogue(references)
    .map((g) => `${g.name} ${g.items.length}`)
    .join(" · ");
  return (
    <p className="mt-2 text-sm">
      <Link className="font-medium underline-offset-2 hover:underline" href={href}>
        Related references
      </Link>{" "}
      <span className="text-muted-foreground">({counts})</span>
    </p>
  );
}

/**
 * The external references a security domain relates to (OWASP, ATLAS, NIST, ISO/IEC 42001, EU AI
 * Act …), grouped by catalogue, each with the relationship, our rationale and, where the edge came
 * through CoSAI or FINOS, the control or mitigation it came through. `referenceHref` links an entry
 * (e.g. to its coverage); collapsed by default where it sits inside a list of duties.
 */
export function RelatedReferences({
  references,
  open = false,
  referenceHref,
  headingId,
}: {
  references: readonly RelatedReference[];
  open?: boolean;
  referenceHref?: (reference: RelatedReference) => string;
  headingId?: string;
}) {
  if (references.length === 0) return null;
  const groups = byCatalogue(references);
  const counts = groups.map((g) => `${g.name} ${g.items.length}`).join(" · ");
  return (
    <details className="group mt-2 rounded-md border bg-background text-sm" open={open}>
      <summary className="cursor-pointer px-3 py-2 font-medium" id={headingId}>
        Related references <span className="font-normal text-muted-foreground">({counts})</span>
      </summary>
      <div className="grid gap-3 border-t px-3 py-3">
        {groups.map((group) => (
          <section key={group.key} aria-label={group.name}>
            <h4 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
              {group.name}
            </h4>
            <ul className="mt-1 grid gap-2">
              {group.items.map((reference) => (
                <li key={`${reference.crosswalk}/${reference.catalogue}/${reference.entry}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    {referenceHref ? (
                      <a className="font-mono text-xs underline" href={referenceHref(reference)}>
                        {reference.entry}
                      </a>
                    ) : (
                      <span className="font-mono text-xs">{reference.entry}</span>
                    )}
                    <span>{reference.title}</span>
                    <Badge variant="outline" title={reference.relationship}>
                      {relationshipLabel(reference.relationship)}
                    </Badge>
                  </div>
                  <p className="mt-0.5 text-xs text-muted-foreground">
                    {reference.rationale}
                    {reference.derivedFrom.length > 0
                      ? ` (${reference.derivedFrom.map(derivationLabel).join("; ")})`
                      : ""}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </details>
  );
}
