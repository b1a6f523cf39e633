import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireWorkspacePage } from "@/lib/auth/workspace-gate";
import { listVendors } from "@/lib/server/vendors/list-vendors";

import { VendorForm } from "./_components/vendor-form";

export const metadata: Metadata = { title: "Vendors" };

type Props = { params: Promise<{ workspaceSlug: string }> };

export default async function VendorsPage({ params }: Props) {
  const auth = await requireWorkspacePage((await params).workspaceSlug, "vendor.read");
  const vendors = await listVendors({ workspaceId: auth.workspace.id });
  const slug = auth.workspace.slug;
  return (
    <>
      <PageHeader
        title="Vendors"
        description="The providers behind your AI systems. Link them to systems and assess them over the nine topics of the four-layer generative AI model."
      />
      <div className="grid gap-6">
        {vendors.length === 0 ? (
          <EmptyState
            icon={Building2}
            title="No vendors yet"
            description="Add the providers of your AI systems to assess them and to cover provider duties through their attestations."
          />
        ) : (
          <Table label="Vendors">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Active systems</TableHead>
                <TableHead>Assessment</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {vendors.map((vendor) => (
                <TableRow key={vendor.id}>
                  <TableCell className="font-medium">
                    <Link className="hover:underline" href={`/w/${slug}/vendors/${vendor.id}`}>
                      {vendor.name}
                    </Link>
                  </TableCell>
                  <TableCell>{vendor.kind ?? "—"}</TableCell>
                  <TableCell className="tabular-nums">{vendor.systemCount}</TableCell>
                  <TableCell>
                    {vendor.assessment.done} of {vendor.assessment.topics} topics reviewed
                    {vendor.assessment.concerns > 0
                      ? `, ${vendor.assessment.concerns} with concerns`
                      : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {can(auth.role, "vendor.create") ? (
          <Card>
            <CardHeader>
              <CardTitle>Add a vendor</CardTitle>
            </CardHeader>
            <CardContent>
              <VendorForm slug={slug} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
