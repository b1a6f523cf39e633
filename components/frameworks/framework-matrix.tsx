"use client";

import Link from "next/link";
import { type KeyboardEvent, useRef, useState } from "react";

import { CriticalMarker } from "@/components/frameworks/critical-marker";
import { ScaleBadge } from "@/components/frameworks/scale-badge";
import { scaleCellClass, type ScaleEntry } from "@/components/frameworks/scale-style";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { cn } from "@/lib/utils/cn";

export type MatrixColumn = { key: string; name: string; shortName?: string; groupName: string };
export type MatrixRow = {
  key: string;
  name: string;
  category: string;
  focus: string;
  keyControls: string[];
  href: string;
};
export type MatrixCell = {
  row: string;
  column: string;
  value: string;
  critical: boolean;
  rationale?: string;
};

export type FrameworkMatrixProps = {
  caption: string;
  columns: MatrixColumn[];
  rows: MatrixRow[];
  cells: MatrixCell[];
  scale: ScaleEntry[];
};

type Position = { row: number; column: number };

/**
 * The responsibility matrix: rows × columns of buttons with sticky headers on both axes. The grid
 * is one tab stop (roving tabindex); arrow keys, Home and End move between cells, Enter or Space
 * opens the chosen cell's rationale and the domain's key controls in a dialog, which returns focus
 * to the cell when closed.
 */
export function FrameworkMatrix({ caption, columns, rows, cells, scale }: FrameworkMatrixProps) {
  const scaleByCode = new Map(scale.map((entry) => [entry.code, entry]));
  const byKey = new Map(cells.map((cell) => [`${cell.row}|${cell.column}`, cell]));
  const [active, setActive] = useState<Position>({ row: 0, column: 0 });
  // The chosen cell outlives the open state, so the dialog keeps its content while it closes.
  const [selected, setSelected] = useState<Position | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const returnFocusTo = useRef<HTMLButtonElement | null>(null);

  function focusCell(position: Position) {
    const row = Math.max(0, Math.min(rows.length - 1, position.row));
    const column = Math.max(0, Math.min(columns.length - 1, position.column));
    setActive({ row, column });
    tableRef.current
      ?.querySelector<HTMLButtonElement>(`button[data-cell="${row}:${column}"]`)
      ?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, position: Position) {
    const moves: Record<string, Position> = {
      ArrowRight: { row: position.row, column: position.column + 1 },
      ArrowLeft: { row: position.row, column: position.column - 1 },
      ArrowDown: { row: position.row + 1, column: position.column },
      ArrowUp: { row: position.row - 1, column: position.column },
      Home: { row: event.ctrlKey ? 0 : position.row, column: 0 },
      End: { row: event.ctrlKey ? rows.length - 1 : position.row, column: columns.length - 1 },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    focusCell(next);
  }

  // Filters can shrink the grid under the remembered cell; keep exactly one cell tabbable.
  const current = {
    row: Math.min(active.row, rows.length - 1),
    column: Math.min(active.column, columns.length - 1),
  };
  const openRow = selected ? rows[selected.row] : undefined;
  const openColumn = selected ? columns[selected.column] : undefined;
  const openCell =
    openRow && openColumn ? byKey.get(`${openRow.key}|${openColumn.key}`) : undefined;

  return (
    <>
      <p id="matrix-keyboard-hint" className="mb-2 text-xs text-muted-foreground">
        Choose a cell to see why it has its value. In the grid, arrow keys move between cells.
      </p>
      <div
        role="region"
        aria-label={caption}
        className="relative max-h-[70vh] overflow-auto rounded-lg border bg-card"
      >
        <table ref={tableRef} className="border-separate border-spacing-0 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky top-0 left-0 z-30 min-w-48 border-r border-b bg-muted px-3 py-2 text-left text-xs font-semibold text-muted-foreground"
              >
                Security domain
              </th>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className="sticky top-0 z-20 min-w-24 border-b bg-muted px-2 py-2 text-center align-bottom text-xs font-semibold text-foreground"
                >
                  <span title={`${column.name} (${column.groupName})`}>
                    {column.shortName ?? column.name}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row.key}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 border-r border-b bg-card px-3 py-1.5 text-left font-medium"
                >
                  <Link href={row.href} className="rounded-sm hover:underline">
                    {row.name}
                  </Link>
                </th>
                {columns.map((column, columnIndex) => {
                  const cell = byKey.get(`${row.key}|${column.key}`);
                  const entry = cell ? scaleByCode.get(cell.value) : undefined;
                  const isActive = current.row === rowIndex && current.column === columnIndex;
                  const label = entry?.label ?? cell?.value ?? "No value";
                  return (
                    <td key={column.key} className="border-b p-1 text-center">
                      <button
                        type="button"
                        data-cell={`${rowIndex}:${columnIndex}`}
                        tabIndex={isActive ? 0 : -1}
                        aria-describedby={
                          rowIndex === 0 && columnIndex === 0 ? "matrix-keyboard-hint" : undefined
                        }
                        aria-haspopup="dialog"
                        onFocus={() => setActive({ row: rowIndex, column: columnIndex })}
                        onKeyDown={(event) =>
                          onKeyDown(event, { row: rowIndex, column: columnIndex })
                        }
                        onClick={(event) => {
                          returnFocusTo.current = event.currentTarget;
                          setSelected({ row: rowIndex, column: columnIndex });
                          setDialogOpen(true);
                        }}
                        className={cn(
                          "inline-flex h-9 w-full min-w-16 items-center justify-center gap-1 rounded-md border text-sm font-semibold transition-shadow hover:shadow-sm",
                          scaleCellClass(entry?.side),
                          cell?.critical && "ring-2 ring-warning-border",
                        )}
                      >
                        <span aria-hidden="true">{cell?.value ?? "–"}</span>
                        <span className="sr-only">
                          {`${cell?.value ?? ""} ${label}: ${row.name}, ${column.name}`}
                        </span>
                        {cell?.critical ? <CriticalMarker compact /> : null}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Dialog open={dialogOpen && openRow !== undefined} onOpenChange={setDialogOpen}>
        {openRow && openColumn ? (
          <DialogContent
            className="max-w-xl"
            // Radix returns focus to a DialogTrigger; the cells open the dialog themselves.
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              returnFocusTo.current?.focus();
            }}
          >
            <DialogHeader>
              <DialogTitle>
                {openRow.name} × {openColumn.name}
              </DialogTitle>
              <DialogDescription>{openRow.focus}</DialogDescription>
            </DialogHeader>
            <div className="flex flex-wrap items-center gap-2">
              {openCell ? (
                <ScaleBadge code={openCell.value} entry={scaleByCode.get(openCell.value)} />
              ) : null}
              {openCell?.critical ? <CriticalMarker /> : null}
            </div>
            {openCell ? (
              <p className="text-sm text-muted-foreground">
                {scaleByCode.get(openCell.value)?.description}
              </p>
            ) : null}
            <section aria-labelledby="cell-rationale" className="space-y-1">
              <h3 id="cell-rationale" className="text-sm font-semibold">
                Why
              </h3>
              <p className="text-sm">
                {openCell?.rationale ?? "The framework gives no rationale for this cell."}
              </p>
            </section>
            <section aria-labelledby="cell-controls" className="space-y-1">
              <h3 id="cell-controls" className="text-sm font-semibold">
                Key controls of {openRow.name}
              </h3>
              <ul className="list-disc space-y-0.5 pl-5 text-sm">
                {openRow.keyControls.map((control) => (
                  <li key={control}>{control}</li>
                ))}
              </ul>
            </section>
            <Link href={openRow.href} className="text-sm font-medium text-primary underline">
              Open the {openRow.name} domain page
            </Link>
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
