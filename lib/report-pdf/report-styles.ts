import type { PdfModule } from "./render-report-pdf";

const INK = "#1f2937";
const MUTED = "#4b5563";
const RULE = "#d1d5db";
const ACCENT = "#1e3a8a";

/** The report's styles; built from the loaded module (its StyleSheet), once per render. */
export function reportStyles(pdf: PdfModule) {
  return pdf.StyleSheet.create({
    page: {
      paddingTop: 40,
      paddingBottom: 56,
      paddingHorizontal: 42,
      fontFamily: "Geist",
      fontSize: 9.5,
      color: INK,
    },
    // Line height lives on the content, not the page: inherited by a `render` text (the page
    // number) it makes react-pdf 4.9 drop the whole fixed footer.
    content: { lineHeight: 1.35 },
    kicker: { fontSize: 8, color: ACCENT, letterSpacing: 0.6, textTransform: "uppercase" },
    title: { fontSize: 22, fontWeight: 700, color: ACCENT, marginTop: 4, lineHeight: 1.2 },
    meta: { fontSize: 8.5, color: MUTED, marginTop: 2 },
    h2: {
      fontSize: 13,
      lineHeight: 1.2,
      fontWeight: 700,
      color: ACCENT,
      marginTop: 16,
      marginBottom: 6,
      paddingBottom: 2,
      borderBottomWidth: 1,
      borderBottomColor: RULE,
    },
    h3: { fontSize: 10.5, fontWeight: 600, marginTop: 10, marginBottom: 4 },
    text: { marginBottom: 4 },
    muted: { color: MUTED },
    small: { fontSize: 8, color: MUTED },
    mono: { fontFamily: "GeistMono", fontSize: 8.5 },
    headline: { flexDirection: "row", marginTop: 14, alignItems: "center" },
    bigNumber: { fontSize: 40, fontWeight: 700, color: ACCENT, marginRight: 12, lineHeight: 1 },
    metrics: { flexDirection: "row", marginTop: 10 },
    metric: {
      flexGrow: 1,
      flexBasis: 0,
      borderWidth: 1,
      borderColor: RULE,
      borderRadius: 4,
      padding: 6,
      marginRight: 6,
    },
    metricValue: { fontSize: 15, fontWeight: 700, color: ACCENT, lineHeight: 1.2 },
    table: { marginTop: 4, borderTopWidth: 1, borderTopColor: RULE },
    row: {
      flexDirection: "row",
      borderBottomWidth: 1,
      borderBottomColor: RULE,
      paddingVertical: 3,
    },
    headerRow: {
      flexDirection: "row",
      borderBottomWidth: 1,
      borderBottomColor: MUTED,
      paddingVertical: 3,
      backgroundColor: "#f3f4f6",
    },
    cell: { paddingHorizontal: 3 },
    headerCell: { paddingHorizontal: 3, fontWeight: 600, fontSize: 8.5 },
    critical: { color: "#b91c1c", fontWeight: 600 },
    footer: {
      position: "absolute",
      bottom: 24,
      left: 42,
      right: 42,
      flexDirection: "row",
      justifyContent: "space-between",
      fontSize: 7.5,
      color: MUTED,
      borderTopWidth: 1,
      borderTopColor: RULE,
      paddingTop: 4,
    },
  });
}

export type ReportStyles = ReturnType<typeof reportStyles>;
