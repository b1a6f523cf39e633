import "server-only";

import { db } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/errors";

// Failed sign-ins are counted per account (e-mail, whether or not it exists, so the answer
// reveals nothing) and per client address. A success resets the account's count, not the
// address's: an attacker must not clear their budget by signing in to their own account.
export const SIGN_IN_THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerEmail: 5,
  maxFailuresPerAddress: 20,
};

export async function assertSignInAllowed({
  email,
  clientAddress,
  now = new Date(),
}: {
  email: string;
  clientAddress: string;
  now?: Date;
}): Promise<void> {
  const windowStart = new Date(now.getTime() - SIGN_IN_THROTTLE.windowMinutes * 60_000);
  const lastSuccess = await db.signInAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const emailSince =
    lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const [byEmail, byAddress] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gt: emailSince } },
      orderBy: { createdAt: "desc" },
      take: SIGN_IN_THROTTLE.maxFailuresPerEmail,
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: { ip: clientAddress, succeeded: false, createdAt: { gt: windowStart } },
      orderBy: { createdAt: "desc" },
      take: SIGN_IN_THROTTLE.maxFailuresPerAddress,
      select: { createdAt: true },
    }),
  ]);
  const limits = [
    { attempts: byEmail, max: SIGN_IN_THROTTLE.maxFailuresPerEmail },
    { attempts: byAddress, max: SIGN_IN_THROTTLE.maxFailuresPerAddress },
  ];
  let retryAt = 0;
  for (const { attempts, max } of limits) {
    // The oldest of the last `max` failures decides when one slot frees up.
    const oldest = attempts.length >= max ? attempts[attempts.length - 1] : undefined;
    if (oldest)
      retryAt = Math.max(
        retryAt,
        oldest.createdAt.getTime() + SIGN_IN_THROTTLE.windowMinutes * 60_000,
      );
  }
  if (retryAt > now.getTime()) {
    const seconds = Math.ceil((retryAt - now.getTime()) / 1000);
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    throw new RateLimitedError(
      `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      seconds,
    );
  }
}

export async function recordSignInAttempt(input: {
  email: string;
  clientAddress: string;
  succeeded: boolean;
}) {
  await db.signInAttempt.create({
    data: { email: input.email, ip: input.clientAddress, succeeded: input.succeeded },
  });
}
