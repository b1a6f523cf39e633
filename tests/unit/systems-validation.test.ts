import { describe, expect, it } from "vitest";

import {
  dueGroupOf,
  dutyStatusProblems,
  endOfDay,
  startOfDay,
  updateDutySchema,
} from "@/lib/validation/responsibilities";
import { systemFieldsSchema, systemListQuerySchema } from "@/lib/validation/systems";

const NOW = new Date("2026-03-15T12:00:00.000Z");

describe("part status rules", () => {
  const base = { justification: null, riskApproverId: null, riskAcceptanceExpiresAt: null };
  it("NOT_APPLICABLE needs a justification", () => {
    expect(dutyStatusProblems({ ...base, status: "NOT_APPLICABLE" }, NOW)).toHaveProperty(
      "justification",
    );
    expect(
      dutyStatusProblems({ ...base, status: "NOT_APPLICABLE", justification: "   " }, NOW),
    ).toHaveProperty("justification");
    expect(
      dutyStatusProblems({ ...base, status: "NOT_APPLICABLE", justification: "No user data" }, NOW),
    ).toEqual({});
  });
  it("RISK_ACCEPTED needs justification, approver and a future expiry", () => {
    expect(
      Object.keys(dutyStatusProblems({ ...base, status: "RISK_ACCEPTED" }, NOW)).sort(),
    ).toEqual(["justification", "riskAcceptanceExpiresAt", "riskApproverId"]);
    const ok = {
      status: "RISK_ACCEPTED" as const,
      justification: "x",
      riskApproverId: "u1",
      riskAcceptanceExpiresAt: endOfDay("2026-03-15"),
    };
    expect(dutyStatusProblems(ok, NOW)).toEqual({});
    expect(
      dutyStatusProblems({ ...ok, riskAcceptanceExpiresAt: endOfDay("2026-03-14") }, NOW),
    ).toHaveProperty("riskAcceptanceExpiresAt");
  });
  it("other statuses need nothing", () => {
    for (const status of ["NOT_STARTED", "IN_PROGRESS", "IMPLEMENTED"] as const)
      expect(dutyStatusProblems({ ...base, status }, NOW)).toEqual({});
  });
});

describe("schemas", () => {
  it("rejects impossible dates and accepts null to clear", () => {
    expect(
      updateDutySchema.safeParse({ dutyId: "p", expectedVersion: 1, dueDate: "2026-02-30" })
        .success,
    ).toBe(false);
    expect(
      updateDutySchema.parse({ dutyId: "p", expectedVersion: 1, dueDate: "" }).dueDate,
    ).toBeNull();
  });
  it("turns blank optional fields into null and defaults the lifecycle", () => {
    const fields = systemFieldsSchema.parse({
      name: " Bot ",
      frameworkVersionId: "v",
      primaryModel: "saas_ai",
      riskTier: "",
      vendorId: "",
    });
    expect(fields).toMatchObject({
      name: "Bot",
      riskTier: null,
      vendorId: null,
      lifecycle: "PLANNED",
      additionalModels: [],
      tags: [],
    });
  });
  it("list query drops unknown values instead of failing", () => {
    expect(
      systemListQuerySchema.parse({ risk: "EXTREME", page: "-3", pageSize: "7", sort: "evil" }),
    ).toMatchObject({ risk: null, page: 1, pageSize: 25, sort: "name" });
  });
});

describe("due groups", () => {
  it("splits overdue, the next 7 days, later and no date", () => {
    expect(dueGroupOf(null, NOW)).toBe("noDate");
    expect(dueGroupOf(startOfDay("2026-03-14"), NOW)).toBe("overdue");
    expect(dueGroupOf(startOfDay("2026-03-15"), NOW)).toBe("thisWeek");
    expect(dueGroupOf(startOfDay("2026-03-21"), NOW)).toBe("thisWeek");
    expect(dueGroupOf(startOfDay("2026-03-22"), NOW)).toBe("later");
  });
});
