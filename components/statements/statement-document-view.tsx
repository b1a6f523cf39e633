import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ProviderStatementDocument } from "@/lib/statements/format";
import { POSITION_LABELS } from "@/lib/view/statements/labels";

/**
 * A statement as published: positions per domain and the attestations with their digests. Used by
 * the public page and the vendor page; shows only what the document holds.
 */
export function StatementDocumentView({
  document,
  domainNames = {},
}: {
  document: ProviderStatementDocument;
  domainNames?: Record<string, string>;
}) {
  return (
    <div className="grid gap-4">
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted-foreground">Framework</dt>
          <dd>
            {document.framework.key} {document.framework.version}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Deployment models</dt>
          <dd>{document.deploymentModels.join(", ")}</dd>
        </div>
        <div>
          <dt className="text-muted-foreground">Version</dt>
          <dd>
            {document.version}, published {document.publishedAt.slice(0, 10)}
          </dd>
        </div>
      </dl>
      <Table aria-label="Positions per domain">
        <TableHeader>
          <TableRow>
            <TableHead>Domain</TableHead>
            <TableHead>Position</TableHead>
            <TableHead>Note</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {document.domains.map((domain) => (
            <TableRow key={domain.key} data-domain={domain.key}>
              <TableCell>{domainNames[domain.key] ?? domain.key}</TableCell>
              <TableCell>
                <Badge variant="outline">{POSITION_LABELS[domain.position]}</Badge>
              </TableCell>
              <TableCell className="text-muted-foreground">{domain.note ?? ""}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table aria-label="Attestations">
        <TableHeader>
          <TableRow>
            <TableHead>Attestation</TableHead>
            <TableHead>Valid</TableHead>
            <TableHead>SHA-256</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {document.attestations.length === 0 ? (
            <TableRow>
              <TableCell colSpan={3} className="text-muted-foreground">
                No attestations.
              </TableCell>
            </TableRow>
          ) : (
            document.attestations.map((a) => (
              <TableRow key={a.sha256}>
                <TableCell>
                  {a.title}
                  {a.type ? <span className="text-muted-foreground"> ({a.type})</span> : null}
                </TableCell>
                <TableCell>
                  {a.validFrom ?? "…"} – {a.validUntil ?? "open"}
                </TableCell>
                <TableCell className="font-mono text-xs break-all">{a.sha256}</TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </div>
  );
}
