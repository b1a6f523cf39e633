// Table sections of report.html: each system's domains, the gap list, the evidence index.
// Every value from the database goes through `esc`; the report has no scripts to protect anyway.
import type {
  BundleData,
  BundleDuty,
  BundleEvidence,
  BundleSystem,
} from "@/lib/export-bundle/bundle-data";
import { percent } from "@/lib/export-bundle/bundle-data";

export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const dash = '<span class="muted">—</span>';
const day = (iso: string | null) => (iso ? esc(iso.slice(0, 10)) : dash);
const label = (value: string | null) =>
  value ? esc(value.toLowerCase().replace(/_/g, " ")) : dash;
const anchor = (prefix: string, id: string) => `${prefix}-${id.replace(/[^a-zA-Z0-9_-]/g, "")}`;

function coveredCell(covered: boolean | null): string {
  if (covered === null) return '<span class="muted">not counted</span>';
  return covered ? '<span class="ok">Covered</span>' : '<span class="bad">Gap</span>';
}

function evidenceList(part: BundleDuty, byId: Map<string, BundleEvidence>): string {
  if (part.evidenceIds.length === 0) return dash;
  const items = part.evidenceIds.map((id) => {
    const item = byId.get(id);
    return item
      ? `<li><a href="#${anchor("ev", id)}">${esc(item.title)}</a> <span class="muted">(${label(item.state)})</span></li>`
      : "";
  });
  return `<ul class="plain">${items.join("")}</ul>`;
}

function systemFacts(system: BundleSystem): string {
  const facts: [string, string][] = [
    ["Deployment models", esc(system.deploymentModels.join(", "))],
    ["Framework", esc(system.framework)],
    ["Vendor", system.vendorName ? esc(system.vendorName) : dash],
    ["Business owner", system.businessOwnerName ? esc(system.businessOwnerName) : dash],
    ["Risk tier", label(system.riskTier)],
    ["Lifecycle", label(system.lifecycle) + (system.archived ? " (archived)" : "")],
    [
      "Coverage",
      system.coverage
        ? `${percent(system.coverage.coverage)} (${system.coverage.coveredDuties} of ${system.coverage.totalDuties} parts)`
        : "not counted (archived or retired)",
    ],
  ];
  return `<dl class="facts">${facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join("")}</dl>`;
}

export function systemsSection(data: BundleData): string {
  const byId = new Map(data.evidence.map((item) => [item.id, item]));
  if (data.systems.length === 0)
    return '<section aria-labelledby="systems"><h2 id="systems">AI systems</h2><p>No AI systems in scope.</p></section>';
  const blocks = data.systems.map((system) => {
    const rows = data.responsibilities
      .filter((r) => r.systemId === system.id)
      .flatMap((r) => {
        const parts = r.duties.length > 0 ? r.duties : [null];
        return parts.map(
          (part, index) => `<tr>
<th scope="row">${index === 0 ? `${esc(r.domainName)}${r.critical ? ' <span class="crit">critical</span>' : ""}` : `<span class="sr">${esc(r.domainName)}</span>`}</th>
<td>${esc(r.value)}${r.overrideValue ? ` <span class="muted">(derived ${esc(r.derivedValue)})</span>` : ""}</td>
<td>${part ? label(part.side) : dash}</td>
<td>${part?.ownerName ? esc(part.ownerName) : dash}</td>
<td>${part ? label(part.status) : dash}</td>
<td>${part ? day(part.dueDate) : dash}</td>
<td>${part ? evidenceList(part, byId) : dash}</td>
<td>${part ? coveredCell(part.covered) : '<span class="muted">no duty</span>'}</td>
</tr>`,
        );
      });
    return `<article class="system" aria-labelledby="${anchor("sys", system.id)}">
<h3 id="${anchor("sys", system.id)}">${esc(system.name)}</h3>
${system.description ? `<p>${esc(system.description)}</p>` : ""}
${systemFacts(system)}
<table>
<caption>Domains of ${esc(system.name)}</caption>
<thead><tr><th scope="col">Domain</th><th scope="col">Value</th><th scope="col">Side</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Due</th><th scope="col">Evidence</th><th scope="col">Coverage</th></tr></thead>
<tbody>${rows.join("\n") || '<tr><td colspan="8">No domains in scope.</td></tr>'}</tbody>
</table>
</article>`;
  });
  return `<section aria-labelledby="systems"><h2 id="systems">AI systems</h2>\n${blocks.join("\n")}</section>`;
}

export function gapsSection(data: BundleData): string {
  const rows = data.gaps.map(
    (gap) =>
      `<tr><th scope="row">${esc(gap.systemName)}</th><td>${esc(gap.domainName)}${gap.critical ? ' <span class="crit">critical</span>' : ""}</td><td>${label(gap.side)}</td><td>${label(gap.riskTier)}</td><td>${day(gap.dueDate)}</td><td>${gap.ownerName ? esc(gap.ownerName) : dash}</td><td>${label(gap.status)}</td><td>${gap.reasons.map((r) => label(r)).join(", ")}</td></tr>`,
  );
  return `<section aria-labelledby="gaps"><h2 id="gaps">Gaps</h2>
<p>Uncovered parts, critical first, then by system risk tier and due date.</p>
${
  rows.length === 0
    ? "<p>No gaps in scope.</p>"
    : `<table><caption>Gap list (${rows.length})</caption>
<thead><tr><th scope="col">System</th><th scope="col">Domain</th><th scope="col">Side</th><th scope="col">Risk tier</th><th scope="col">Due</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Reasons</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`
}
</section>`;
}

export function evidenceSection(data: BundleData): string {
  const rows = data.evidence.map((item) => {
    const file = item.bundlePath
      ? `<a href="${esc(item.bundlePath)}">${esc(item.bundlePath)}</a>`
      : item.fileName
        ? `${esc(item.fileName)} <span class="muted">(not included)</span>`
        : item.url
          ? esc(item.url)
          : dash;
    return `<tr id="${anchor("ev", item.id)}"><th scope="row">${esc(item.title)}</th><td>${label(item.kind)}</td><td>${label(item.state)}</td><td>${day(item.collectedAt)}</td><td>${day(item.validUntil)}</td><td>${item.links.map(esc).join("<br>") || dash}</td><td class="wrap">${file}</td><td>${item.sizeBytes ?? dash}</td><td class="hash">${item.sha256 ? esc(item.sha256) : dash}</td></tr>`;
  });
  return `<section aria-labelledby="evidence"><h2 id="evidence">Evidence index</h2>
${
  rows.length === 0
    ? "<p>No evidence in scope.</p>"
    : `<table><caption>Evidence (${rows.length}); SHA-256 as recorded at upload</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Collected</th><th scope="col">Valid until</th><th scope="col">Linked to</th><th scope="col">File or link</th><th scope="col">Bytes</th><th scope="col">SHA-256</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`
}
</section>`;
}

export function plansSection(data: BundleData): string {
  const plans = data.plans ?? [];
  const comments = data.comments ?? [];
  const rows = plans.map(
    (plan) =>
      `<tr><th scope="row">${esc(plan.title)}</th><td>${label(plan.status)}${plan.overdue ? ' <span class="bad">overdue</span>' : ""}</td><td>${plan.coveredDuties} / ${plan.totalDuties}</td><td>${plan.ownerName ? esc(plan.ownerName) : dash}</td><td>${day(plan.dueDate)}</td><td class="wrap">${plan.closingNote ? esc(plan.closingNote) : dash}</td></tr>`,
  );
  const live = comments.filter((c) => c.deletedAt === null).length;
  return `<section aria-labelledby="plans"><h2 id="plans">Action plans</h2>
<p>Plans that address duties in scope; progress counts the covered duties of each plan, as the coverage engine decides. ${live} comments on these duties and plans are in <code>comments.csv</code>.</p>
${
  rows.length === 0
    ? "<p>No action plan addresses a duty in scope.</p>"
    : `<table><caption>Action plans (${rows.length})</caption>
<thead><tr><th scope="col">Plan</th><th scope="col">Status</th><th scope="col">Covered</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Closing note</th></tr></thead>
<tbody>${rows.join("\n")}</tbody></table>`
}
</section>`;
}
