import { createHash, randomBytes } from "node:crypto";

import { appUrl } from "@/lib/env";

// Invitation links carry 256 random bits; only their SHA-256 is stored, so a database leak does
// not hand out pending invitations.
export function generateInvitationToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationLink(token: string): string {
  return `${appUrl()}/invite/${token}`;
}
