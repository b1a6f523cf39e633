import type { ReactNode } from "react";

import type { PdfModule } from "./render-report-pdf";
import type { ReportStyles } from "./report-styles";

export type Column<T> = {
  header: string;
  /** Share of the row's width (flex grow). */
  width: number;
  align?: "left" | "right";
  value: (row: T) => ReactNode;
};

/**
 * A table of the report: a header row repeated on every page it spans (`fixed`), rows that never
 * break across pages (`wrap={false}`).
 */
export function ReportTable<T>({
  pdf,
  styles,
  columns,
  rows,
  empty,
}: {
  pdf: PdfModule;
  styles: ReportStyles;
  columns: Column<T>[];
  rows: readonly T[];
  empty: string;
}) {
  const { Text, View } = pdf;
  if (rows.length === 0) return <Text style={[styles.text, styles.muted]}>{empty}</Text>;
  const cellStyle = (column: Column<T>) => ({
    flexGrow: column.width,
    flexBasis: 0,
    textAlign: column.align ?? "left",
  });
  return (
    <View style={styles.table}>
      <View style={styles.headerRow} fixed>
        {columns.map((column) => (
          <Text key={column.header} style={[styles.headerCell, cellStyle(column)]}>
            {column.header}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => (
        <View key={index} style={styles.row} wrap={false}>
          {columns.map((column) => (
            <View key={column.header} style={[styles.cell, cellStyle(column)]}>
              {wrapText(pdf, column.value(row))}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** Strings and numbers become Text; elements pass through. */
function wrapText(pdf: PdfModule, value: ReactNode): ReactNode {
  return typeof value === "string" || typeof value === "number" ? (
    <pdf.Text>{value}</pdf.Text>
  ) : (
    value
  );
}
