import type { Metadata } from "next";
import Link from "next/link";

import { Logo } from "@/components/brand/logo";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { requireSession } from "@/lib/auth/session";
import { env, oidcEnabled } from "@/lib/env";
import { mailConfigured } from "@/lib/server/mail/send-mail";
import { getNotificationPreferences } from "@/lib/server/notifications/notification-preferences";
import { listSessions } from "@/lib/server/sessions/list-sessions";
import { listAccountEvents } from "@/lib/server/users/account-events";
import { getAccountSignInMethods } from "@/lib/server/users/get-account";

import { NotificationPreferencesForm } from "./notification-preferences-form";
import { ChangePasswordForm } from "./password-form";
import { EndSessionButton, SignOutEverywhereButton } from "./session-controls";
import { SsoLinkSection } from "./sso-link-section";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<{ sso?: string }> };

const EVENT_LABELS: Record<string, string> = {
  "auth.passwordChange": "Password changed",
  "auth.signOutEverywhere": "Signed out everywhere",
  "auth.endSession": "A session was signed out",
  "auth.ssoLink": "Single sign-on linked",
};

function device(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser = /Firefox\//.test(userAgent)
    ? "Firefox"
    : /Edg\//.test(userAgent)
      ? "Edge"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? `${browser} on ${system}` : browser;
}

const when = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** The signed-in user's own account: password, single sign-on, sessions, recent events. */
export default async function AccountPage({ searchParams }: Props) {
  const session = await requireSession("/account");
  const { sso } = await searchParams;
  const [sessions, methods, events, preferences] = await Promise.all([
    listSessions(session.user.id),
    getAccountSignInMethods(session.user.id),
    listAccountEvents(session.user.id),
    getNotificationPreferences(session.user.id),
  ]);
  return (
    <div className="min-h-dvh bg-surface">
      <header className="flex h-16 items-center justify-between px-6">
        <Link href="/w" className="rounded-md">
          <Logo />
        </Link>
        <div className="flex gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href="/w">Your workspaces</Link>
          </Button>
          <Button asChild variant="ghost" size="sm">
            <Link href="/sign-out">Sign out</Link>
          </Button>
        </div>
      </header>
      <main id="main-content" className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {session.user.name} · {session.user.email}
          </p>
        </div>

        <Card>
          <CardHeader className="flex-col items-stretch">
            <CardTitle>Password</CardTitle>
            {methods.hasPassword ? (
              <CardDescription>
                Changing it signs out every other session of your account.
              </CardDescription>
            ) : null}
          </CardHeader>
          <CardContent>
            {methods.hasPassword ? (
              <ChangePasswordForm />
            ) : (
              <p className="text-sm">
                Your account signs in with single sign-on only; it has no password.
              </p>
            )}
          </CardContent>
        </Card>

        <Card id="notifications" className="scroll-mt-4">
          <CardHeader className="flex-col items-stretch">
            <CardTitle>Notifications</CardTitle>
            <CardDescription>
              How you hear of what concerns you, in every workspace you belong to. Every
              notification is in the workspace&apos;s inbox (the bell); these choices are about
              e-mail.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <NotificationPreferencesForm
              preferences={preferences}
              mailConfigured={mailConfigured()}
            />
          </CardContent>
        </Card>

        {oidcEnabled() || methods.linkedIdentities.length > 0 ? (
          <SsoLinkSection
            providerName={env().OIDC_NAME}
            enabled={oidcEnabled()}
            linked={methods.linkedIdentities.map((identity) => ({
              id: identity.id,
              linkedAt: when(identity.createdAt),
            }))}
            outcome={sso}
          />
        ) : null}

        <Card>
          <CardHeader>
            <div className="grid gap-1">
              <CardTitle>Sessions</CardTitle>
              <CardDescription>
                Browsers signed in to your account. Sign out any you do not recognise.
              </CardDescription>
            </div>
            <SignOutEverywhereButton count={sessions.length} />
          </CardHeader>
          <CardContent>
            <Table label="Sessions">
              <TableHeader>
                <TableRow>
                  <TableHead>Browser</TableHead>
                  <TableHead>Address</TableHead>
                  <TableHead>Signed in</TableHead>
                  <TableHead>Last active</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sessions.map((row) => {
                  const current = row.id === session.sessionId;
                  const label = `${device(row.userAgent)}, signed in ${when(row.createdAt)}`;
                  return (
                    <TableRow key={row.id}>
                      <TableCell className="font-medium">
                        {device(row.userAgent)}
                        {row.method === "sso" ? (
                          <Badge variant="secondary" className="ml-2">
                            Single sign-on
                          </Badge>
                        ) : null}
                        {current ? (
                          <Badge variant="accent" className="ml-2">
                            This browser
                          </Badge>
                        ) : null}
                      </TableCell>
                      <TableCell>{row.ipAddress ?? "unknown"}</TableCell>
                      <TableCell>{when(row.createdAt)}</TableCell>
                      <TableCell>{when(row.lastSeenAt)}</TableCell>
                      <TableCell className="text-right">
                        {current ? null : <EndSessionButton sessionId={row.id} label={label} />}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </CardContent>
        </Card>

        <section aria-labelledby="events-heading" className="grid gap-3">
          <h2 id="events-heading" className="text-base font-semibold">
            Recent security events
          </h2>
          {events.length === 0 ? (
            <p className="text-sm text-muted-foreground">None yet.</p>
          ) : (
            <ul className="divide-y rounded-xl border bg-card text-sm">
              {events.map((event) => (
                <li key={event.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
                  <span>{EVENT_LABELS[event.action] ?? event.action}</span>
                  <span className="text-muted-foreground">
                    {when(event.createdAt)}
                    {event.ipAddress ? ` · ${event.ipAddress}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
