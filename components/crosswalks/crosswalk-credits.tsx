import { Badge } from "@/components/ui/badge";
import type {
  CreditLine,
  CrosswalkAttribution,
} from "@/lib/server/crosswalks/list-crosswalk-attributions";

function Credit({ credit }: { credit: CreditLine }) {
  return (
    <li className="grid gap-0.5">
      <span className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{credit.name}</span>
        <span className="text-muted-foreground">{credit.version}</span>
        {credit.spdx ? <Badge variant="secondary">{credit.spdx}</Badge> : null}
      </span>
      <span className="text-muted-foreground">
        {credit.attribution ?? credit.publisher}. {credit.licenceName}.
      </span>
      {credit.note ? <span className="text-muted-foreground">{credit.note}</span> : null}
      <a
        className="break-all text-primary underline"
        href={credit.sourceUrl}
        rel="noopener noreferrer"
      >
        {credit.sourceUrl}
      </a>
    </li>
  );
}

/** The About page's credits for one built-in crosswalk: its licence, the standards, the sources. */
export function CrosswalkCredits({ crosswalk }: { crosswalk: CrosswalkAttribution }) {
  return (
    <section
      aria-labelledby={`cw-${crosswalk.key}`}
      className="rounded-xl border bg-card p-6 text-sm"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`cw-${crosswalk.key}`} className="text-lg font-semibold">
          {crosswalk.name}
        </h3>
        <Badge variant="outline">
          {crosswalk.versions.length === 1 ? "Version" : "Versions"} {crosswalk.versions.join(", ")}
        </Badge>
        {crosswalk.spdx ? <Badge variant="secondary">{crosswalk.spdx}</Badge> : null}
      </div>
      {crosswalk.attribution ? <p className="mt-3 font-medium">{crosswalk.attribution}</p> : null}
      <h4 className="mt-4 font-semibold">Standards it refers to</h4>
      <ul className="mt-2 grid gap-3">
        {crosswalk.catalogues.map((c) => (
          <Credit key={c.name} credit={c} />
        ))}
      </ul>
      {crosswalk.provenance.length > 0 ? (
        <>
          <h4 className="mt-4 font-semibold">Mappings some edges were derived through</h4>
          <ul className="mt-2 grid gap-3">
            {crosswalk.provenance.map((p) => (
              <Credit key={p.name} credit={p} />
            ))}
          </ul>
        </>
      ) : null}
      {crosswalk.documents.map((doc) => (
        <details key={doc.fileName} className="mt-4 rounded-lg border bg-background">
          <summary className="cursor-pointer px-4 py-2 font-medium">
            {doc.fileName === "NOTICE.md" ? "Notice" : "Licence text"} ({doc.fileName})
          </summary>
          <pre
            tabIndex={0}
            aria-label={`${doc.fileName} of ${crosswalk.name}`}
            className="max-h-96 overflow-auto border-t px-4 py-3 font-mono text-xs whitespace-pre-wrap"
          >
            {doc.text}
          </pre>
        </details>
      ))}
    </section>
  );
}
