import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { transferOwnership } from "@/lib/server/members/transfer-ownership";

import { memberWithRole, signedUpOwner } from "../support/identity-fixtures";

// Issue 14, point 7: two ownership transfers at once could both read "I am the owner" and leave
// the workspace with two owners.
describe("concurrent ownership transfers", () => {
  it("leave exactly one owner, whatever the interleaving", async () => {
    for (let round = 0; round < 5; round++) {
      const { user, workspace } = await signedUpOwner(`race-${round}`);
      const b = await memberWithRole(workspace.id, "ADMIN", `race-b-${round}`);
      const c = await memberWithRole(workspace.id, "ADMIN", `race-c-${round}`);
      const actor = { type: "USER" as const, id: user.id, label: user.email };
      const results = await Promise.allSettled(
        [b, c].map((target) =>
          transferOwnership({
            workspaceId: workspace.id,
            actor,
            actorUserId: user.id,
            membershipId: target.membership.id,
          }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const owners = await db.membership.findMany({
        where: { workspaceId: workspace.id, role: "OWNER" },
      });
      expect(owners).toHaveLength(1);
      expect([b.user.id, c.user.id]).toContain(owners[0]?.userId);
    }
  });
});
