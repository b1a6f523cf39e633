/**
 * Request bodies of API version 1 named duties by their old name: `partIds` and the bulk target
 * `{ kind: "duties" }`. Since duties took one name everywhere (docs/glossary.md) they are `dutyIds`
 * and `{ kind: "duties" }`; for one more API version the old names are still accepted and read
 * as the new ones (docs/api.md, "Deprecated names"). A body that gives both keeps the new one.
 */
export function upgradeLegacyDutyNames(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const body: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if ("partIds" in body) {
    if (!("dutyIds" in body)) body.dutyIds = body.partIds;
    delete body.partIds;
  }
  if (body.kind === "parts") body.kind = "duties";
  if ("target" in body) body.target = upgradeLegacyDutyNames(body.target);
  return body;
}
