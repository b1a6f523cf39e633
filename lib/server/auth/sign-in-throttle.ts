import "server-only";

import { db } from "@/lib/db/client";
import { retryingTransaction } from "@/lib/db/transaction";
import { RateLimitedError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Password guessing is slowed on three keys, each a row of SignInThrottle:
//
// - the address + account PAIR: after a few failures each further one doubles the wait before
//   the next try from that address for that account (2 s, 4 s, … up to 15 minutes). An attacker
//   elsewhere cannot touch this counter, so it never locks the real owner out;
// - the ADDRESS alone: at most 20 failures per 15 minutes across all accounts (spraying);
// - the ACCOUNT from all addresses: after many failures, the same growing wait, applied only to
//   address+account pairs that have never signed in successfully. An owner's usual address stays
//   open whatever others do, while a botnet rotating addresses slows down exponentially.
//
// The check and the record are one step: the rows are locked, the attempt is counted as a
// failure up front and committed before the password is checked, so N parallel guesses cannot
// all read "below the limit". A success then clears the pair's and the account's counters and
// takes the up-front failure back from the address.
//
// Accounts are keyed by the e-mail as typed (normalised), whether or not it exists, so the
// throttle's answers reveal nothing about which accounts exist.
export const SIGN_IN_THROTTLE = {
  pairFreeFailures: 5,
  accountFreeFailures: 20,
  maxDelaySeconds: 15 * 60,
  addressWindowMinutes: 15,
  maxFailuresPerAddress: 20,
  /** A pair stays "known" this long after its last success. */
  knownPairDays: 90,
};

type Keys = { pair: string; address: string; account: string };
type Row = {
  key: string;
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
  lastSuccessAt: Date | null;
};

export function throttleKeys({ email, clientAddress }: { email: string; clientAddress: string }) {
  return {
    pair: `pair:${clientAddress}|${email}`,
    address: `address:${clientAddress}`,
    account: `account:${email}`,
  } satisfies Keys;
}

/** Seconds to wait after the `failures`-th failure, given how many are free. */
export function delaySeconds(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(SIGN_IN_THROTTLE.maxDelaySeconds, 2 ** Math.min(failures - free, 20));
}

function refuse(until: number, now: number): never {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  const message =
    seconds < 60
      ? `Too many attempts, try again in ${seconds} second${seconds === 1 ? "" : "s"}.`
      : `Too many attempts, try again in ${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? "" : "s"}.`;
  throw new RateLimitedError(message, seconds);
}

async function lockRows(tx: Prisma.TransactionClient, keys: Keys, now: Date) {
  // Create missing rows, then lock all three in key order (one order for every transaction, so
  // two sign-ins never wait on each other crosswise).
  await tx.$executeRaw`
    INSERT INTO "SignInThrottle" (key, failures, "windowStart", "updatedAt")
    VALUES (${keys.pair}, 0, ${now}, ${now}), (${keys.address}, 0, ${now}, ${now}),
      (${keys.account}, 0, ${now}, ${now})
    ON CONFLICT (key) DO NOTHING`;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT key, failures, "windowStart", "blockedUntil", "lastSuccessAt" FROM "SignInThrottle"
    WHERE key IN (${keys.pair}, ${keys.address}, ${keys.account})
    ORDER BY key FOR UPDATE`;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const get = (key: string) => {
    const row = byKey.get(key);
    if (!row) throw new Error(`sign-in throttle row ${key} vanished`);
    return row;
  };
  return { pair: get(keys.pair), address: get(keys.address), account: get(keys.account) };
}

/**
 * Admits one sign-in attempt or throws RateLimitedError. When admitted, the attempt is already
 * counted as a failure (committed); call `recordSignInSuccess` if the password turns out right.
 */
export async function admitSignInAttempt({
  email,
  clientAddress,
  now = new Date(),
}: {
  email: string;
  clientAddress: string;
  now?: Date;
}): Promise<Keys> {
  const keys = throttleKeys({ email, clientAddress });
  const t = now.getTime();
  await retryingTransaction("admitSignInAttempt", async (tx) => {
    const { pair, address, account } = await lockRows(tx, keys, now);
    if (pair.blockedUntil && pair.blockedUntil.getTime() > t)
      refuse(pair.blockedUntil.getTime(), t);

    const windowMs = SIGN_IN_THROTTLE.addressWindowMinutes * 60_000;
    const windowOpen = address.windowStart.getTime() + windowMs > t;
    const addressFailures = windowOpen ? address.failures : 0;
    if (addressFailures >= SIGN_IN_THROTTLE.maxFailuresPerAddress)
      refuse(address.windowStart.getTime() + windowMs, t);

    const knownPair =
      pair.lastSuccessAt !== null &&
      pair.lastSuccessAt.getTime() > t - SIGN_IN_THROTTLE.knownPairDays * 86_400_000;
    if (!knownPair && account.blockedUntil && account.blockedUntil.getTime() > t)
      refuse(account.blockedUntil.getTime(), t);

    const pairFailures = pair.failures + 1;
    const accountFailures = account.failures + 1;
    const after = (seconds: number) => (seconds > 0 ? new Date(t + seconds * 1000) : null);
    await tx.signInThrottle.update({
      where: { key: keys.pair },
      data: {
        failures: pairFailures,
        blockedUntil: after(delaySeconds(pairFailures, SIGN_IN_THROTTLE.pairFreeFailures)),
      },
    });
    await tx.signInThrottle.update({
      where: { key: keys.address },
      data: { failures: addressFailures + 1, ...(windowOpen ? {} : { windowStart: now }) },
    });
    await tx.signInThrottle.update({
      where: { key: keys.account },
      data: {
        failures: accountFailures,
        blockedUntil: after(delaySeconds(accountFailures, SIGN_IN_THROTTLE.accountFreeFailures)),
      },
    });
  });
  return keys;
}

/** The password was right: clear the pair and the account, take the address's count back. */
export async function recordSignInSuccess(keys: Keys, now = new Date()): Promise<void> {
  await retryingTransaction("recordSignInSuccess", async (tx) => {
    await tx.signInThrottle.updateMany({
      where: { key: keys.pair },
      data: { failures: 0, blockedUntil: null, lastSuccessAt: now },
    });
    await tx.signInThrottle.updateMany({
      where: { key: keys.account },
      data: { failures: 0, blockedUntil: null },
    });
    await tx.$executeRaw`
      UPDATE "SignInThrottle" SET failures = GREATEST(failures - 1, 0), "updatedAt" = ${now}
      WHERE key = ${keys.address}`;
  });
  // Housekeeping on a path that is rare and not latency critical: rows idle for a day (or, for
  // known pairs, past the known-pair period) carry no information any more.
  await db.signInThrottle.deleteMany({
    where: {
      OR: [
        { lastSuccessAt: null, updatedAt: { lt: new Date(now.getTime() - 86_400_000) } },
        {
          updatedAt: {
            lt: new Date(now.getTime() - SIGN_IN_THROTTLE.knownPairDays * 86_400_000),
          },
        },
      ],
    },
  });
}
