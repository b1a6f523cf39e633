import { StatementDocumentView } from "@/components/statements/statement-document-view";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { listVendorStatements } from "@/lib/server/statements/list-vendor-statements";
import { disagreement } from "@/lib/statements/compare";
import { REVIEW_STATE_LABELS } from "@/lib/validation/statements";
import { DISAGREEMENT_LABELS, POSITION_LABELS } from "@/lib/view/statements/labels";

import { ReviewItemButtons, StatementImportForm } from "./statement-import";

/**
 * The vendor's provider statements: the latest version of each, what changed against the one
 * before, what did not map, and the cells to review; the import form for editors.
 */
export async function VendorStatementsSection({
  workspaceId,
  slug,
  role,
  vendorId,
}: {
  workspaceId: string;
  slug: string;
  role: string;
  vendorId: string;
}) {
  if (!can(role, "statement.read")) return null;
  const canImport = can(role, "statement.import");
  const statements = await listVendorStatements({ workspaceId, vendorId });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Provider statements</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-6">
        <p className="text-sm text-muted-foreground">
          The vendor&apos;s own statement of which domains it holds, shares or leaves to you. Its
          attestations back the provider duties of this vendor&apos;s systems in the domains it
          holds or shares, while they are valid. Where it disagrees with your matrix, the cell is
          listed for you to review; nothing in the matrix changes by itself.
        </p>
        {statements.map((s) =>
          s.latest ? (
            <section key={s.id} className="grid gap-4" aria-label={`Statement ${s.productName}`}>
              <h3 className="font-semibold">
                {s.productName} · version {s.latest.version}{" "}
                <span className="text-sm font-normal text-muted-foreground">
                  imported {s.latest.importedAt.toISOString().slice(0, 10)}
                  {s.olderVersions.length > 0
                    ? `; earlier: ${s.olderVersions.map((v) => v.version).join(", ")}`
                    : ""}
                </span>
              </h3>
              {s.latest.diff ? (
                <div className="grid gap-1 text-sm" data-testid="statement-diff">
                  <p className="font-medium">Changes since the previous version</p>
                  <ul className="ml-4 list-disc">
                    {s.latest.diff.domains.map((d) => (
                      <li key={d.key}>
                        {d.key}: {d.before ? POSITION_LABELS[d.before] : "not stated"} →{" "}
                        {d.after ? POSITION_LABELS[d.after] : "not stated"}
                      </li>
                    ))}
                    {s.latest.diff.attestations.added.map((a) => (
                      <li key={`+${a.sha256}`}>Attestation added: {a.title}</li>
                    ))}
                    {s.latest.diff.attestations.removed.map((a) => (
                      <li key={`-${a.sha256}`}>Attestation removed: {a.title}</li>
                    ))}
                    {s.latest.diff.attestations.changed.map((a) => (
                      <li key={`~${a.sha256}`}>
                        Attestation changed: {a.title} ({a.fields.join(", ")})
                      </li>
                    ))}
                    {s.latest.diff.deploymentModels.added.map((m) => (
                      <li key={`+m${m}`}>Deployment model added: {m}</li>
                    ))}
                    {s.latest.diff.deploymentModels.removed.map((m) => (
                      <li key={`-m${m}`}>Deployment model removed: {m}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {s.latest.unmapped.length > 0 ? (
                <div className="text-sm">
                  <p className="font-medium">Not mapped</p>
                  <ul className="ml-4 list-disc text-muted-foreground">
                    {s.latest.unmapped.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <Table aria-label="Cells to review">
                <TableHeader>
                  <TableRow>
                    <TableHead>System</TableHead>
                    <TableHead>Domain</TableHead>
                    <TableHead>Your matrix</TableHead>
                    <TableHead>Statement</TableHead>
                    <TableHead>State</TableHead>
                    {canImport ? (
                      <TableHead>
                        <span className="sr-only">Decision</span>
                      </TableHead>
                    ) : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {s.latest.reviewItems.length === 0 ? (
                    <TableRow>
                      <TableCell colSpan={6} className="text-muted-foreground">
                        The statement agrees with your matrix.
                      </TableCell>
                    </TableRow>
                  ) : (
                    s.latest.reviewItems.map((item) => {
                      const kind = disagreement(item.systemValue, item.statementValue);
                      return (
                        <TableRow
                          key={item.id}
                          data-testid="review-item"
                          data-domain={item.domainKey}
                        >
                          <TableCell>{item.systemName}</TableCell>
                          <TableCell>
                            {item.domainKey}
                            {kind ? (
                              <span className="block text-xs text-muted-foreground">
                                {DISAGREEMENT_LABELS[kind]}
                              </span>
                            ) : null}
                          </TableCell>
                          <TableCell>{item.systemValue}</TableCell>
                          <TableCell>{item.statementValue}</TableCell>
                          <TableCell>
                            <Badge variant={item.state === "OPEN" ? "warning" : "outline"}>
                              {REVIEW_STATE_LABELS[item.state]}
                            </Badge>
                          </TableCell>
                          {canImport ? (
                            <TableCell>
                              <ReviewItemButtons slug={slug} itemId={item.id} state={item.state} />
                            </TableCell>
                          ) : null}
                        </TableRow>
                      );
                    })
                  )}
                </TableBody>
              </Table>
              <details>
                <summary className="cursor-pointer text-sm">The statement as imported</summary>
                <div className="mt-3">
                  <StatementDocumentView document={s.latest.document} />
                </div>
              </details>
            </section>
          ) : null,
        )}
        {canImport ? <StatementImportForm slug={slug} vendorId={vendorId} /> : null}
      </CardContent>
    </Card>
  );
}
