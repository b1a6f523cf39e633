type Scope = {
  systemIds?: string[];
  domainKeys?: string[];
  from?: string;
  to?: string;
  includeFiles: boolean;
};

/** One line describing an export's scope, e.g. "2 systems · all domains · 2026-01-01 → today · with files". */
export function describeExportScope(scope: Scope, systemNames: Record<string, string>): string {
  const systems = scope.systemIds
    ? scope.systemIds.length <= 2
      ? scope.systemIds.map((id) => systemNames[id] ?? "removed system").join(", ")
      : `${scope.systemIds.length} systems`
    : "All systems";
  const domains = scope.domainKeys
    ? `${scope.domainKeys.length} domain${scope.domainKeys.length === 1 ? "" : "s"}`
    : "all domains";
  const dates =
    scope.from || scope.to ? `${scope.from ?? "start"} → ${scope.to ?? "today"}` : "all dates";
  return [systems, domains, dates, scope.includeFiles ? "with files" : "without files"].join(" · ");
}
