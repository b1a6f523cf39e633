import { ScrollText, ShieldAlert, ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ workspaceSlug: string }>; searchParams: Promise<SearchParams> };

const text = z.string().trim().max(200).optional().catch(undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const filtersSchema = z.object({
  actor: text,
  entityType: text,
  action: text,
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

function describeDiff(diff: unknown): string {
  if (!diff || typeof diff !== "object" || Object.keys(diff).length === 0) return "—";
  return JSON.stringify(diff).slice(0, 300);
}

export default async function AuditPage({ params, searchParams }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "audit.read");
  const raw = await searchParams;
  const filters = filtersSchema.parse(
    Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]),
    ),
  );
  const [result, chain] = await Promise.all([
    listAuditEvents({
      workspaceId: auth.workspace.id,
      page: filters.page,
      filters: {
        actor: filters.actor,
        entityType: filters.entityType,
        action: filters.action,
        from: filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined,
        to: filters.to ? new Date(`${filters.to}T23:59:59.999Z`) : undefined,
      },
    }),
    verifyAuditChain(auth.workspace.id),
  ]);
  const href = `/w/${auth.workspace.slug}/audit`;
  const keep = {
    actor: filters.actor,
    entityType: filters.entityType,
    action: filters.action,
    from: filters.from,
    to: filters.to,
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in this workspace, newest first. Times are UTC."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <a href={`${href}/download?format=jsonl`} download>
                Download JSONL
              </a>
            </Button>
            <Button asChild variant="outline" size="sm">
              <a href={`${href}/download?format=csv`} download>
                Download CSV
              </a>
            </Button>
          </>
        }
      />
      {chain.ok ? (
        <Alert variant="success" title="The audit chain verifies" className="mb-6">
          All {chain.events} events are intact and in sequence
          {chain.signatures.firstSigned === null
            ? chain.events > 0
              ? ". None carries the server's signature: they were recorded before keyed audit."
              : "."
            : chain.signatures.unsigned > 0
              ? `, signed with the server's audit key from event ${chain.signatures.firstSigned} on (which vouches for the ${chain.signatures.unsigned} earlier ones).`
              : ", each signed with the server's audit key."}
        </Alert>
      ) : (
        <Alert variant="error" live="off" title="The audit chain does not verify" className="mb-6">
          Event {chain.brokenSeq}: {chain.reason}. Stored events were changed or removed outside the
          app.
        </Alert>
      )}
      <form
        method="get"
        action={href}
        className="mb-6 grid gap-4 rounded-xl border bg-card p-4 sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
      >
        <FormField id="filter-actor" label="Actor">
          <NativeSelect name="actor" defaultValue={filters.actor ?? ""}>
            <option value="">Anyone</option>
            {result.choices.actors.map((actor) => (
              <option key={actor} value={actor}>
                {actor}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="filter-entity" label="Entity type">
          <NativeSelect name="entityType" defaultValue={filters.entityType ?? ""}>
            <option value="">All</option>
            {result.choices.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="filter-action" label="Action">
          <NativeSelect name="action" defaultValue={filters.action ?? ""}>
            <option value="">All</option>
            {result.choices.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="filter-from" label="From">
          <Input name="from" type="date" defaultValue={filters.from} />
        </FormField>
        <FormField id="filter-to" label="To">
          <Input name="to" type="date" defaultValue={filters.to} />
        </FormField>
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          <Button asChild variant="ghost">
            <Link href={href}>Reset</Link>
          </Button>
        </div>
      </form>
      {result.events.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title="No events match"
          description="Change or reset the filters to see more events."
        />
      ) : (
        <>
          <Table label="Audit events">
            <TableHeader>
              <TableRow>
                <TableHead>#</TableHead>
                <TableHead>Time</TableHead>
                <TableHead>Actor</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>Entity</TableHead>
                <TableHead>Changes</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.events.map((event) => (
                <TableRow key={event.id}>
                  <TableCell className="tabular-nums">{event.seq}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {event.createdAt.toISOString().slice(0, 19).replace("T", " ")}
                  </TableCell>
                  <TableCell>
                    {event.actorLabel}
                    {event.actorType !== "USER" ? (
                      <span className="text-muted-foreground">
                        {" "}
                        ({event.actorType.toLowerCase()})
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <code className="font-mono text-xs">{event.action}</code>
                  </TableCell>
                  <TableCell>{event.entityType}</TableCell>
                  <TableCell className="max-w-md font-mono text-xs break-all">
                    {describeDiff(event.diff)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            href={href}
            searchParams={keep}
            totalItems={result.total}
            itemLabel="events"
          />
        </>
      )}
      <p className="mt-4 flex items-center gap-1.5 text-xs text-muted-foreground">
        {chain.ok ? (
          <ShieldCheck aria-hidden="true" className="size-3.5" />
        ) : (
          <ShieldAlert aria-hidden="true" className="size-3.5" />
        )}
        Each event stores the SHA-256 hash of its content and of the previous event.
      </p>
    </>
  );
}
