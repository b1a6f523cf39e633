// report.html: one self-contained page (inline CSS, no scripts, no external resources; a CSP
// meta tag forbids any fetch), readable offline and printable. Colours keep WCAG AA contrast.
import type { BundleData } from "@/lib/export-bundle/bundle-data";
import { percent } from "@/lib/export-bundle/bundle-data";
import type { Manifest } from "@/lib/export-bundle/manifest";
import { referencesSection } from "@/lib/export-bundle/report-references";
import {
  esc,
  evidenceSection,
  gapsSection,
  plansSection,
  systemsSection,
} from "@/lib/export-bundle/report-sections";

export type ReportHeader = Omit<Manifest, "files">;

const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#fff}
body{margin:0;line-height:1.5}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1.5rem}
header{padding-top:2rem;border-bottom:2px solid #1e3a8a}
h1{font-size:1.8rem;margin:0 0 .25rem;color:#1e3a8a}
h2{font-size:1.35rem;margin:2.5rem 0 .75rem;border-bottom:1px solid #d1d5db;padding-bottom:.25rem}
h3{font-size:1.1rem;margin:1.75rem 0 .5rem}
a{color:#1d4ed8}
table{width:100%;border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.875rem}
caption{text-align:left;font-weight:600;padding:.25rem 0;color:#374151}
th,td{border:1px solid #d1d5db;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f4f6}
tbody th{font-weight:600}
.muted{color:#4b5563}
.ok{color:#166534;font-weight:600}
.bad{color:#b91c1c;font-weight:600}
.crit{display:inline-block;font-size:.75rem;font-weight:600;color:#fff;background:#b91c1c;border-radius:.25rem;padding:0 .3rem}
.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.75rem;word-break:break-all}
.wrap{word-break:break-all}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.plain{margin:0;padding-left:1rem}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.25rem 1.5rem;margin:.5rem 0}
.facts dt{font-size:.75rem;color:#4b5563;text-transform:uppercase;letter-spacing:.03em}
.facts dd{margin:0}
.metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.75rem;margin:1rem 0;padding:0;list-style:none}
.metrics li{border:1px solid #d1d5db;border-radius:.5rem;padding:.75rem}
.metrics strong{display:block;font-size:1.5rem;color:#1e3a8a}
.bar{background:#e5e7eb;height:.6rem;border-radius:.3rem;min-width:6rem}
.bar span{display:block;height:100%;background:#1e3a8a;border-radius:.3rem}
footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid #d1d5db;font-size:.875rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace}
@media print{header,main,footer{max-width:none;padding:0}a{color:inherit;text-decoration:none}
  .system,tr{break-inside:avoid}h2{break-after:avoid}thead{display:table-header-group}}
`;

function scopeText(manifest: ReportHeader): string {
  const scope = manifest.scope;
  const parts = [
    scope.systemIds ? `${scope.systemIds.length} chosen system(s)` : "all systems",
    scope.domainKeys ? `domains ${scope.domainKeys.join(", ")}` : "all domains",
    scope.from || scope.to
      ? `evidence and audit events from ${scope.from ?? "the start"} to ${scope.to ?? "today"}`
      : "all dates",
    scope.includeFiles ? "evidence files included" : "evidence files not included",
  ];
  return parts.map(esc).join("; ");
}

function summarySection(manifest: ReportHeader): string {
  const c = manifest.coverage;
  const metrics: [string, string][] = [
    ["Coverage", percent(c.coverage)],
    ["Covered parts", `${c.coveredDuties} of ${c.totalDuties}`],
    ["Owned", percent(c.ownedRate)],
    ["Implemented", percent(c.implementedRate)],
    ["Evidenced", percent(c.evidencedRate)],
    ["Provider-assured", percent(c.providerAssuredRate)],
  ];
  return `<section aria-labelledby="summary"><h2 id="summary">Coverage summary</h2>
<p>A part is covered when its owner, status and current evidence (or, on the provider side, a current attestation) meet the workspace's rules. Archived and retired systems are not counted.</p>
<ul class="metrics">${metrics.map(([k, v]) => `<li>${k}<strong>${esc(v)}</strong></li>`).join("")}</ul>
</section>`;
}

function trendSection(data: BundleData): string {
  if (data.trend.length === 0) {
    return '<section aria-labelledby="trend"><h2 id="trend">Coverage trend</h2><p>No daily snapshots were recorded in the last 90 days.</p></section>';
  }
  const rows = data.trend.map((point) => {
    const width = point.coverage === null ? 0 : Math.round(point.coverage * 100);
    return `<tr><th scope="row">${esc(point.day)}</th><td>${esc(percent(point.coverage))}</td><td>${point.coveredDuties} of ${point.totalDuties}</td><td><div class="bar" aria-hidden="true"><span style="width:${width}%"></span></div></td></tr>`;
  });
  return `<section aria-labelledby="trend"><h2 id="trend">Coverage trend</h2>
<table><caption>Daily coverage of the whole workspace, last 90 days</caption>
<thead><tr><th scope="col">Day</th><th scope="col">Coverage</th><th scope="col">Parts covered</th><th scope="col">Chart</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table></section>`;
}

function auditSection(manifest: ReportHeader): string {
  const a = manifest.audit;
  const text =
    a.events === 0
      ? "No audit events fall in the scope."
      : `${a.events} events, sequence ${a.firstSeq} to ${a.lastSeq}, are in <code>audit-log.jsonl</code>. Each line carries the SHA-256 of its content and of the previous event; the last hash is <code class="hash">${esc(a.lastHash)}</code>.`;
  return `<section aria-labelledby="audit"><h2 id="audit">Audit log</h2><p>${text}</p>
<p>When the export started the workspace's chain ended at event ${a.headSeq}${a.headHash ? ` with hash <code class="hash">${esc(a.headHash)}</code>` : ""}.</p></section>`;
}

export function renderReport({
  manifest,
  data,
}: {
  manifest: ReportHeader;
  data: BundleData;
}): string {
  const title = `Evidence bundle: ${manifest.workspace.name}`;
  const frameworks =
    manifest.frameworkVersions.map((f) => `${f.name} ${f.version}`).join(", ") || "none";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p>AI Security Shared Responsibility Model: who does what for each AI system, how far it is covered, and the evidence for it.</p>
<dl class="facts">
<div><dt>Generated</dt><dd>${esc(manifest.generatedAt.replace("T", " ").slice(0, 19))} UTC</dd></div>
<div><dt>Generated by</dt><dd>${esc(manifest.generatedBy)}</dd></div>
<div><dt>Workspace</dt><dd>${esc(manifest.workspace.name)} (${esc(manifest.workspace.slug)})</dd></div>
<div><dt>Framework versions</dt><dd>${esc(frameworks)}</dd></div>
<div><dt>Scope</dt><dd>${scopeText(manifest)}</dd></div>
<div><dt>Contents</dt><dd>${manifest.counts.systems} systems, ${manifest.counts.parts} parts, ${manifest.counts.evidence} evidence items (${manifest.counts.evidenceFiles} files), ${manifest.counts.gaps} gaps</dd></div>
</dl>
</header>
<main>
${summarySection(manifest)}
${trendSection(data)}
${systemsSection(data)}
${gapsSection(data)}
${plansSection(data)}
${referencesSection(data)}
${evidenceSection(data)}
${auditSection(manifest)}
</main>
<footer>
<h2 id="verify">Checking this bundle</h2>
<p>Every file's size and SHA-256 are listed in <code>manifest.json</code>. Unpacked, <code>sha256sum -c checksums.sha256</code> checks them all; <code>npm run export:verify -- bundle.zip</code> also recomputes the audit chain.</p>
${manifest.evidenceIssues.length > 0 ? `<p class="bad">Files not included: ${manifest.evidenceIssues.map((i) => `${esc(i.evidenceId)} (${esc(i.problem)})`).join("; ")}</p>` : ""}
</footer>
</body>
</html>
`;
}
