"use client";

import { useMemo } from "react";

import { markup } from "@/components/markup/html";
import { MarkupIsland } from "@/components/markup/markup-island";
import type { OwnerDuties } from "@/lib/server/dashboard/load-workspace-overview";

/**
 * Open parts per owner (everyone who has any), each linking to their gaps. One row per owner, so
 * as markup (components/markup/markup-island.tsx).
 */
export function OwnerDutiesTable({ slug, owners }: { slug: string; owners: OwnerDuties[] }) {
  const table = useMemo(
    () =>
      markup`<table class="w-full text-sm"><caption class="sr-only">Open (uncovered) parts per owner</caption><thead><tr class="text-left text-muted-foreground"><th scope="col" class="pb-1 font-medium">Owner</th><th scope="col" class="pb-1 text-right font-medium">Open parts</th><th scope="col" class="pb-1 text-right font-medium">All parts</th></tr></thead><tbody>${owners.map(
        (owner) =>
          markup`<tr class="border-t"><th scope="row" class="py-1 text-left font-normal"><a class="underline-offset-4 hover:underline" href="/w/${slug}/gaps?ownerId=${encodeURIComponent(owner.ownerId ?? "none")}">${owner.name}</a></th><td class="py-1 text-right tabular-nums">${owner.openParts}</td><td class="py-1 text-right tabular-nums">${owner.totalParts}</td></tr>`,
      )}</tbody></table>`,
    [slug, owners],
  );
  return <MarkupIsland markup={table} />;
}
