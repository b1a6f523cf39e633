import { describe, expect, it } from "vitest";

import {
  can,
  canAssignRole,
  type Permission,
  PERMISSIONS,
  permissionsFor,
  type Role,
  roleAtLeast,
  ROLES,
} from "@/lib/auth/permissions";

// Written independently of the map on purpose: O=OWNER A=ADMIN E=EDITOR U=AUDITOR V=VIEWER.
const EXPECTED: Record<string, string> = {
  "workspace.read": "OAEUV",
  "workspace.update": "OA",
  "workspace.delete": "O",
  "workspace.transferOwnership": "O",
  "member.read": "OAEUV",
  "member.invite": "OA",
  "member.updateRole": "OA",
  "member.remove": "OA",
  "member.deactivate": "OA",
  "token.read": "OAU",
  "token.create": "OA",
  "token.revoke": "OA",
  "audit.read": "OAU",
  "framework.read": "OAEUV",
  "framework.import": "OA",
  "crosswalk.read": "OAEUV",
  "crosswalk.import": "OA",
  "system.read": "OAEUV",
  "system.create": "OAE",
  "system.update": "OAE",
  "system.archive": "OAE",
  "responsibility.read": "OAEUV",
  "responsibility.update": "OAE",
  "responsibility.override": "OAE",
  "approval.read": "OAEUV",
  "approval.request": "OAE",
  "approval.decide": "OA",
  "vendor.read": "OAEUV",
  "vendor.create": "OAE",
  "vendor.update": "OAE",
  "statement.read": "OAEUV",
  "statement.publish": "OAE",
  "statement.import": "OAE",
  "evidence.read": "OAEUV",
  "evidence.create": "OAE",
  "evidence.update": "OAE",
  "evidence.review": "OA",
  "evidence.delete": "OAE",
  "evidence.purge": "OA",
  "coverage.read": "OAEUV",
  "plan.read": "OAEUV",
  "plan.create": "OAE",
  "plan.update": "OAE",
  "comment.read": "OAEUV",
  "comment.create": "OAE",
  "comment.deleteAny": "OA",
  "report.read": "OAU",
  "export.create": "OAU",
  "export.read": "OAU",
  "export.download": "OAU",
  "export.cancelAny": "OA",
  "job.read": "OA",
  "notification.read": "OAEUV",
};
const LETTER: Record<Role, string> = {
  OWNER: "O",
  ADMIN: "A",
  EDITOR: "E",
  AUDITOR: "U",
  VIEWER: "V",
};

describe("permission map", () => {
  it("has exactly the permissions of the expected table", () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const matrix = Object.entries(EXPECTED).flatMap(([permission, letters]) =>
    ROLES.map((role) => [role, permission, letters.includes(LETTER[role])] as const),
  );
  it.each(matrix)("%s × %s → %s", (role, permission, allowed) => {
    expect(can(role, permission as Permission)).toBe(allowed);
  });

  it("AUDITOR and VIEWER change nothing", () => {
    const writes = PERMISSIONS.filter((p) => !p.endsWith(".read") && !p.startsWith("export."));
    for (const role of ["AUDITOR", "VIEWER"] as const) {
      expect(writes.filter((p) => can(role, p))).toEqual([]);
    }
  });

  it("nests the roles: VIEWER ⊂ EDITOR, VIEWER ⊂ AUDITOR, EDITOR ∪ AUDITOR ⊂ ADMIN ⊂ OWNER", () => {
    const holds = (role: Role, other: Role) =>
      permissionsFor(other).every((permission) => can(role, permission));
    expect(holds("EDITOR", "VIEWER")).toBe(true);
    expect(holds("AUDITOR", "VIEWER")).toBe(true);
    expect(holds("ADMIN", "EDITOR")).toBe(true);
    expect(holds("ADMIN", "AUDITOR")).toBe(true);
    expect(holds("OWNER", "ADMIN")).toBe(true);
    // And strictly: each step up adds something.
    expect(holds("VIEWER", "EDITOR")).toBe(false);
    expect(holds("EDITOR", "AUDITOR")).toBe(false);
    expect(holds("AUDITOR", "EDITOR")).toBe(false);
    expect(holds("ADMIN", "OWNER")).toBe(false);
  });

  it("names every permission resource.action", () => {
    for (const permission of PERMISSIONS) expect(permission).toMatch(/^[a-z]+\.[a-z][a-zA-Z]+$/);
  });

  it("OWNER holds every permission", () => {
    expect(permissionsFor("OWNER")).toEqual(PERMISSIONS);
  });

  it("denies unknown, empty and differently cased roles", () => {
    for (const role of [undefined, null, "", "owner", "SUPERUSER", "constructor", "__proto__"]) {
      expect(can(role, "workspace.read")).toBe(false);
      expect(permissionsFor(role)).toEqual([]);
    }
  });

  it("denies unknown permissions, including prototype keys", () => {
    for (const permission of ["workspace.explode", "", "toString", "constructor", "__proto__"]) {
      expect(can("OWNER", permission as Permission)).toBe(false);
    }
  });
});

describe("role assignment", () => {
  it("ranks OWNER > ADMIN > the rest", () => {
    expect(roleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(roleAtLeast("ADMIN", "ADMIN")).toBe(true);
    expect(roleAtLeast("ADMIN", "OWNER")).toBe(false);
    expect(roleAtLeast("AUDITOR", "ADMIN")).toBe(false);
    expect(roleAtLeast("nobody", "VIEWER")).toBe(false);
  });

  it("only OWNER and ADMIN assign roles, and nobody assigns OWNER directly", () => {
    expect(canAssignRole("OWNER", "ADMIN")).toBe(true);
    expect(canAssignRole("ADMIN", "VIEWER")).toBe(true);
    expect(canAssignRole("ADMIN", "OWNER")).toBe(false);
    expect(canAssignRole("OWNER", "OWNER")).toBe(false);
    expect(canAssignRole("EDITOR", "VIEWER")).toBe(false);
    expect(canAssignRole("OWNER", "ROOT")).toBe(false);
  });
});
