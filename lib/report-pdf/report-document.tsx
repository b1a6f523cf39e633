import type { DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";

import type { CoverageSummary } from "@/lib/domain/coverage-reference";
import { percentText } from "@/lib/view/crosswalks/references";
import type { NamedSummary, ReportData, ReportGap } from "@/lib/view/report/report-data";

import type { PdfModule } from "./render-report-pdf";
import { reportStyles } from "./report-styles";
import { type Column, ReportTable } from "./report-table";

const RATES = [
  ["Owned", "ownedRate", "of your parts have an owner"],
  ["Implemented", "implementedRate", "of your parts are implemented"],
  ["Evidenced", "evidencedRate", "of your parts have current evidence"],
  ["Provider-assured", "providerAssuredRate", "of provider parts have a current attestation"],
] as const;

const day = (iso: string) => iso.slice(0, 10);
const stamp = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

function coverageColumns(label: string): Column<NamedSummary>[] {
  return [
    { header: label, width: 5, value: (r) => r.name },
    { header: "Duties", width: 1.2, align: "right", value: (r) => r.summary.totalDuties },
    { header: "Covered", width: 1.2, align: "right", value: (r) => r.summary.coveredDuties },
    {
      header: "Coverage",
      width: 1.3,
      align: "right",
      value: (r) => percentText(r.summary.coverage),
    },
    { header: "Owned", width: 1.2, align: "right", value: (r) => percentText(r.summary.ownedRate) },
    {
      header: "Provider-assured",
      width: 1.8,
      align: "right",
      value: (r) => percentText(r.summary.providerAssuredRate),
    },
  ];
}

/**
 * The workspace report as a react-pdf document: a first page an executive can read on its own
 * (headline coverage and rates, gaps, standards at a glance, audit state), then coverage by
 * security domain and by deployment model, the top gaps with their reasons, coverage by external
 * reference, the audit summary and the credits. Every page carries the workspace and page number.
 */
export function reportDocument(pdf: PdfModule, data: ReportData): ReactElement<DocumentProps> {
  const { Document, Page, Text, View } = pdf;
  const styles = reportStyles(pdf);
  const s: CoverageSummary = data.summary;
  const table = <T,>(columns: Column<T>[], rows: readonly T[], empty: string) => (
    <ReportTable pdf={pdf} styles={styles} columns={columns} rows={rows} empty={empty} />
  );
  const gapColumns: Column<ReportGap>[] = [
    {
      header: "System and domain",
      width: 4,
      value: (g) => (
        <Text>
          {g.critical ? <Text style={styles.critical}>Critical · </Text> : null}
          {g.systemName} · {g.domainName} ({g.side})
        </Text>
      ),
    },
    { header: "Risk tier", width: 1.3, value: (g) => g.riskTier ?? "—" },
    { header: "Owner", width: 1.8, value: (g) => g.ownerName ?? "nobody" },
    { header: "Due", width: 1.4, value: (g) => g.dueDate ?? "—" },
    { header: "Why it is a gap", width: 3.5, value: (g) => g.reasons.join("; ") },
  ];
  const references = data.references;

  return (
    <Document
      title={`Security responsibility report: ${data.workspace.name}`}
      author="AI SRM Workspace"
      subject="Coverage of AI security duties"
      creator="AI SRM Workspace"
      producer="AI SRM Workspace"
    >
      <Page size="A4" style={styles.page}>
        <View style={styles.content}>
          <Text style={styles.kicker}>AI SRM Workspace · Security responsibility report</Text>
          <Text style={styles.title}>{data.workspace.name}</Text>
          <Text style={styles.meta}>
            Generated {stamp(data.generatedAt)} by {data.generatedBy}. Scope: {data.scope}.
          </Text>
          <Text style={styles.meta}>
            Frameworks: {data.frameworks.map((f) => `${f.name} ${f.version}`).join(", ") || "none"}.
          </Text>

          <View style={styles.headline}>
            <Text style={styles.bigNumber}>{percentText(s.coverage)}</Text>
            <View>
              <Text style={{ fontSize: 12, fontWeight: 600 }}>of duties covered</Text>
              <Text style={styles.muted}>
                {s.coveredDuties} of {s.totalDuties} duties across {data.systems.counted} AI systems
                counted ({data.systems.total} registered).
              </Text>
              <Text style={styles.muted}>
                {data.gapsTotal} open {data.gapsTotal === 1 ? "gap" : "gaps"}, {data.criticalGaps}{" "}
                of them critical.
              </Text>
            </View>
          </View>
          <View style={styles.metrics}>
            {RATES.map(([label, key, hint]) => (
              <View key={key} style={styles.metric}>
                <Text style={styles.small}>{label}</Text>
                <Text style={styles.metricValue}>{percentText(s[key])}</Text>
                <Text style={styles.small}>{hint}</Text>
              </View>
            ))}
          </View>

          <Text style={styles.h2}>Standards at a glance</Text>
          {table(
            [
              { header: "Standard", width: 5, value: (c) => `${c.name} ${c.version}` },
              { header: "Duties", width: 1.2, align: "right", value: (c) => c.summary.totalDuties },
              {
                header: "Coverage",
                width: 1.4,
                align: "right",
                value: (c) => percentText(c.summary.coverage),
              },
              {
                header: "Entries related",
                width: 1.8,
                align: "right",
                value: (c) => `${c.mappedEntries} of ${c.entryCount}`,
              },
              {
                header: "Fully covered",
                width: 1.6,
                align: "right",
                value: (c) => c.fullyCoveredEntries,
              },
            ],
            references,
            "No crosswalk relates the workspace's domains to external standards.",
          )}
          <Text style={[styles.small, { marginTop: 4 }]}>
            An entry&apos;s coverage counts the duties of the security domains a crosswalk relates
            to it; a standard&apos;s coverage counts each such duty once.
          </Text>

          <Text style={styles.h2}>Audit log</Text>
          <Text style={styles.text}>
            {data.audit.events} events recorded;{" "}
            {data.audit.chainIntact
              ? "the hash chain was recomputed for this report and is intact."
              : `the hash chain does NOT verify (${data.audit.problem}).`}{" "}
            {data.audit.recentEvents} events in the last {data.audit.recentDays} days.
          </Text>

          <Text style={styles.h2} minPresenceAhead={80} break>
            Coverage by security domain
          </Text>
          {table(coverageColumns("Security domain"), data.byDomain, "No duties in scope.")}

          <Text style={styles.h2} minPresenceAhead={80}>
            Coverage by deployment model
          </Text>
          {table(coverageColumns("Deployment model"), data.byModel, "No duties in scope.")}
          <Text style={[styles.small, { marginTop: 4 }]}>
            A duty counts under every deployment model of its system.
          </Text>

          <Text style={styles.h2} minPresenceAhead={80}>
            Top gaps
          </Text>
          <Text style={[styles.text, styles.muted]}>
            The {Math.min(data.topGaps.length, data.gapsTotal)} most pressing of {data.gapsTotal}{" "}
            gaps: critical first, then by the system&apos;s risk tier and the due date.
          </Text>
          {table(gapColumns, data.topGaps, "No gaps: every duty in scope is covered.")}

          {references.length > 0 ? (
            <Text style={styles.h2} minPresenceAhead={80} break>
              Coverage by external reference
            </Text>
          ) : null}
          {references.map((catalogue) => (
            <View key={catalogue.key}>
              <Text style={styles.h3} minPresenceAhead={60}>
                {catalogue.name} {catalogue.version}: {percentText(catalogue.summary.coverage)}{" "}
                across {catalogue.summary.totalDuties} duties
              </Text>
              {table(
                [
                  {
                    header: "Entry",
                    width: 5,
                    value: (e) => (
                      <Text>
                        <Text style={styles.mono}>{e.id}</Text> {e.title}
                      </Text>
                    ),
                  },
                  {
                    header: "Duties",
                    width: 1,
                    align: "right",
                    value: (e) => e.summary.totalDuties,
                  },
                  {
                    header: "Coverage",
                    width: 1.2,
                    align: "right",
                    value: (e) => percentText(e.summary.coverage),
                  },
                ],
                catalogue.entries.filter((e) => e.domains.length > 0),
                "No entry relates to a domain.",
              )}
              <Text style={[styles.small, { marginTop: 2 }]}>
                {catalogue.attribution ?? catalogue.publisher}
              </Text>
            </View>
          ))}

          <Text style={styles.h2} minPresenceAhead={80} break>
            Audit summary
          </Text>
          <Text style={styles.text}>
            Chain: {data.audit.events} events, head at event {data.audit.headSeq}
            {data.audit.lastEventAt ? `, last recorded ${stamp(data.audit.lastEventAt)}` : ""}.{" "}
            {data.audit.chainIntact ? "Recomputed and intact." : `Broken: ${data.audit.problem}.`}
          </Text>
          {data.audit.headHash ? (
            <Text style={[styles.mono, styles.text]}>Head hash {data.audit.headHash}</Text>
          ) : null}
          {table(
            [
              {
                header: `Most frequent actions, last ${data.audit.recentDays} days`,
                width: 5,
                value: (a) => a.action,
              },
              { header: "Events", width: 1, align: "right", value: (a) => a.count },
            ],
            data.audit.recentByAction,
            "No events in this period.",
          )}

          <Text style={styles.h2} minPresenceAhead={80}>
            Sources and credits
          </Text>
          {data.credits.map((credit) => (
            <Text key={credit} style={styles.small}>
              {credit}
            </Text>
          ))}
          <Text style={[styles.small, { marginTop: 6 }]}>
            Crosswalks: {data.crosswalks.map((c) => `${c.name} ${c.version}`).join("; ") || "none"}.
            Relationships and rationales are the crosswalk authors&apos; reading, not endorsed by
            the standards named.
          </Text>
        </View>

        {/* Last child, so it is drawn over the content of every page (react-pdf paints in order). */}
        <View style={styles.footer} fixed>
          <Text>
            {data.workspace.name} · security responsibility report · {day(data.generatedAt)}
          </Text>
          <Text
            fixed
            render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
          />
        </View>
      </Page>
    </Document>
  );
}
