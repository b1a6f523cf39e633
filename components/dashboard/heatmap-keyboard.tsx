"use client";

import { useRouter } from "next/navigation";
import type { KeyboardEvent, MouseEvent, ReactNode } from "react";

/**
 * Arrow keys move between the heat map's cells (Tab still works: every cell is a link), Home/End
 * jump to the first/last cell of the row. Cells carry data-row / data-col. The table inside is
 * rendered on the server; this wrapper only adds the key handling.
 */
export function HeatmapKeyboard({
  children,
  className,
}: {
  children: ReactNode;
  className?: string;
}) {
  const router = useRouter();
  // The cells are plain anchors, not next/link: a map has hundreds of cells and rendering a Link
  // for each cost the overview about half its throughput (bench:load). One handler here gives
  // them the same client-side navigation; a modified or middle click keeps the browser's own
  // behaviour (new tab, new window).
  function onClick(event: MouseEvent<HTMLDivElement>) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-state]");
    if (!anchor || !event.currentTarget.contains(anchor)) return;
    event.preventDefault();
    router.push(anchor.getAttribute("href") ?? "/");
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    if (Number.isNaN(row) || Number.isNaN(col)) return;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      Home: [row, 0],
      End: [row, Number.MAX_SAFE_INTEGER],
    };
    const move = moves[event.key];
    if (!move) return;
    const cells = [...event.currentTarget.querySelectorAll<HTMLElement>(`[data-row="${move[0]}"]`)];
    const next =
      event.key === "End" ? cells.at(-1) : cells.find((c) => Number(c.dataset.col) === move[1]);
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
  return (
    <div className={className} onKeyDown={onKeyDown} onClick={onClick}>
      {children}
    </div>
  );
}
