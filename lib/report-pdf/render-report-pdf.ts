import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ReportData } from "@/lib/view/report/report-data";

import { reportDocument } from "./report-document";

export type PdfModule = typeof import("@react-pdf/renderer");

/** The report's font: Geist from the `geist` package's own files, so rendering never fetches. */
export const REPORT_FONT = "Geist";
export const REPORT_MONO_FONT = "GeistMono";

let loaded: Promise<PdfModule> | undefined;

/**
 * @react-pdf/renderer, loaded once with the fonts registered. Loaded with import() because some
 * of its packages publish ES modules only, which a CommonJS require (tsx running the command-line
 * scripts) cannot resolve; Next's server and the tests load it either way.
 */
function pdfModule(): Promise<PdfModule> {
  // Started with --conditions=react-server (command line, standalone worker): let @react-pdf see
  // the full React build (see full-react-hooks.mjs). Next's server and the tests need nothing.
  if (!loaded && process.execArgv.some((arg) => arg.includes("react-server"))) {
    register(pathToFileURL(path.join(process.cwd(), "lib", "report-pdf", "full-react-hooks.mjs")));
  }
  loaded ??= import("@react-pdf/renderer").then((pdf) => {
    const fonts = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts");
    pdf.Font.register({
      family: REPORT_FONT,
      fonts: [
        { src: path.join(fonts, "geist-sans", "Geist-Regular.ttf") },
        { src: path.join(fonts, "geist-sans", "Geist-SemiBold.ttf"), fontWeight: 600 },
        { src: path.join(fonts, "geist-sans", "Geist-Bold.ttf"), fontWeight: 700 },
      ],
    });
    pdf.Font.register({
      family: REPORT_MONO_FONT,
      src: path.join(fonts, "geist-mono", "GeistMono-Regular.ttf"),
    });
    // Words are never split with hyphens: ids such as LLM01:2025 must stay whole.
    pdf.Font.registerHyphenationCallback((word) => [word]);
    return pdf;
  });
  return loaded;
}

/** The PDF report as bytes. Pure given its data: the same data gives the same pages. */
export async function renderReportPdf(data: ReportData): Promise<Buffer> {
  const pdf = await pdfModule();
  return pdf.renderToBuffer(reportDocument(pdf, data));
}
