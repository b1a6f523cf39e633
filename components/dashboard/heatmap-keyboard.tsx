"use client";

import type { KeyboardEvent, ReactNode } from "react";

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
    <div className={className} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}
