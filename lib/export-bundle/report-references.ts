// The "Coverage by external reference" section of report.html: per catalogue, the coverage of the
// duties its entries relate to (each duty once) and a row per related entry, with the credit
// line each catalogue asks for. Every value goes through `esc`.
import { type BundleData, percent } from "@/lib/export-bundle/bundle-data";
import { esc } from "@/lib/export-bundle/report-sections";

export function referencesSection(data: BundleData): string {
  const standards = data.standards;
  if (!standards || standards.catalogues.length === 0) return "";
  const blocks = standards.catalogues.map((catalogue) => {
    const mapped = catalogue.entries.filter((e) => e.domains.length > 0);
    const rows = mapped.map(
      (entry) => `<tr><th scope="row"><code>${esc(entry.id)}</code> ${esc(entry.title)}</th>
<td>${esc(entry.domains.map((d) => d.name).join(", "))}</td>
<td>${entry.summary.totalDuties}</td><td>${esc(percent(entry.summary.coverage))}</td></tr>`,
    );
    const s = catalogue.summary;
    return `<h3>${esc(catalogue.name)} ${esc(catalogue.version)}</h3>
<p>${esc(percent(s.coverage))} of the ${s.totalDuties} duties related to this catalogue are covered (each duty counted once). ${catalogue.mappedEntries} of ${catalogue.entryCount} entries relate to a security domain; ${catalogue.fullyCoveredEntries} are fully covered.</p>
${
  rows.length === 0
    ? ""
    : `<table><caption>${esc(catalogue.name)}: coverage per entry</caption>
<thead><tr><th scope="col">Entry</th><th scope="col">Related domains</th><th scope="col">Duties</th><th scope="col">Coverage</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`
}
<p class="muted">${esc(catalogue.attribution ?? catalogue.publisher)} ${esc(catalogue.licenseName)}.</p>`;
  });
  const crosswalks = standards.crosswalks
    .map((c) => `${c.name} ${c.version}${c.builtIn ? " (built-in)" : ""}`)
    .join("; ");
  return `<section aria-labelledby="references"><h2 id="references">Coverage by external reference</h2>
<p>Each entry of these standards counts the duties of the security domains a crosswalk relates to it. Crosswalks: ${esc(crosswalks)}. The relation of every domain to every entry, with its rationale, is in <code>references.csv</code>; these figures are in <code>coverage-by-reference.csv</code>.</p>
${blocks.join("\n")}
</section>`;
}
