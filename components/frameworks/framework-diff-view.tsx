import { CriticalMarker } from "@/components/frameworks/critical-marker";
import { scaleIndex } from "@/components/frameworks/framework-view";
import { ScaleBadge } from "@/components/frameworks/scale-badge";
import { Alert } from "@/components/ui/alert";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { FrameworkDiff, KeyedName } from "@/lib/frameworks/diff";
import type { FrameworkDefinition } from "@/lib/frameworks/schema";

function NamedList({ title, items, empty }: { title: string; items: KeyedName[]; empty: string }) {
  return (
    <section aria-label={title} className="rounded-lg border bg-card p-4">
      <h3 className="text-sm font-semibold">
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {items.map((item) => (
            <li key={item.key}>
              {item.name} <span className="text-muted-foreground">({item.key})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FieldChanges({
  title,
  items,
  names,
}: {
  title: string;
  items: { key: string; fields: string[] }[];
  names: Map<string, string>;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title} className="rounded-lg border bg-card p-4">
      <h3 className="text-sm font-semibold">
        {title} ({items.length})
      </h3>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {items.map((item) => (
          <li key={item.key}>
            {names.get(item.key) ?? item.key}: {item.fields.join(", ")}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Result of a version comparison: changed cells first, then structure and scale changes. */
export function FrameworkDiffView({
  diff,
  from,
  to,
}: {
  diff: FrameworkDiff;
  from: FrameworkDefinition;
  to: FrameworkDefinition;
}) {
  const label = `${from.version} → ${to.version}`;
  if (!diff.hasChanges) {
    return (
      <Alert title={`No differences (${label})`}>The two versions define the same matrix.</Alert>
    );
  }
  const fromScale = scaleIndex(from);
  const toScale = scaleIndex(to);
  const rowName = new Map(to.rows.map((r) => [r.key, r.name]));
  const columnName = new Map(to.columns.map((c) => [c.key, c.name]));
  return (
    <div className="space-y-6">
      <section aria-labelledby="changed-cells">
        <h2 id="changed-cells" className="mb-3 text-lg font-semibold">
          Changed cells ({diff.cells.length})
        </h2>
        {diff.cells.length === 0 ? (
          <p className="text-sm text-muted-foreground">No cell shared by both versions changed.</p>
        ) : (
          <Table label={`Changed cells, ${label}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Security domain</TableHead>
                <TableHead>Deployment model</TableHead>
                <TableHead>Version {from.version}</TableHead>
                <TableHead>Version {to.version}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {diff.cells.map((cell) => (
                <TableRow key={`${cell.row}|${cell.column}`}>
                  <TableCell className="font-medium">{rowName.get(cell.row) ?? cell.row}</TableCell>
                  <TableCell>{columnName.get(cell.column) ?? cell.column}</TableCell>
                  <TableCell>
                    <span className="flex items-center gap-2">
                      {cell.from ? (
                        <ScaleBadge code={cell.from} entry={fromScale.get(cell.from)} />
                      ) : (
                        "—"
                      )}
                      {cell.criticalFrom ? <CriticalMarker compact /> : null}
                    </span>
                  </TableCell>
                  <TableCell>
                    <span className="flex items-center gap-2">
                      {cell.to ? <ScaleBadge code={cell.to} entry={toScale.get(cell.to)} /> : "—"}
                      {cell.criticalTo ? <CriticalMarker compact /> : null}
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="structure-changes">
        <h2 id="structure-changes" className="mb-3 text-lg font-semibold">
          Domains and deployment models
        </h2>
        <div className="grid gap-3 md:grid-cols-2">
          <NamedList title="Domains added" items={diff.addedRows} empty="None." />
          <NamedList title="Domains removed" items={diff.removedRows} empty="None." />
          <NamedList title="Deployment models added" items={diff.addedColumns} empty="None." />
          <NamedList title="Deployment models removed" items={diff.removedColumns} empty="None." />
          <FieldChanges
            title="Domains with changed details"
            items={diff.changedRows}
            names={rowName}
          />
          <FieldChanges
            title="Deployment models with changed details"
            items={diff.changedColumns}
            names={columnName}
          />
        </div>
      </section>
      {diff.scale.added.length + diff.scale.removed.length + diff.scale.changed.length > 0 ? (
        <Alert variant="warning" title="The scale changed">
          {[
            ...diff.scale.added.map((l) => `added ${l.code} (${l.label})`),
            ...diff.scale.removed.map((l) => `removed ${l.code} (${l.label})`),
            ...diff.scale.changed.map(
              (c) => `${c.code}: ${c.from.label} [${c.from.side}] → ${c.to.label} [${c.to.side}]`,
            ),
          ].join("; ")}
        </Alert>
      ) : null}
    </div>
  );
}
