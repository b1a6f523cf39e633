import { beforeEach, describe, expect, it } from "vitest";

import SignInPage from "@/app/(auth)/sign-in/page";
import { setSessionForTests } from "@/lib/auth/session";

import { expectRedirect, signedUpOwner } from "../support/identity-fixtures";

beforeEach(() => setSessionForTests(undefined));

// The sign-in page sends an already signed-in visitor on to `callbackUrl`: the redirect must stay
// on this app's origin whatever the parameter holds (issue 14, point 3).
describe("sign-in callbackUrl", () => {
  async function visit(callbackUrl: string) {
    return SignInPage({ searchParams: Promise.resolve({ callbackUrl }) });
  }

  it("follows a same-origin path", async () => {
    const { user, workspace } = await signedUpOwner("callback-ok");
    setSessionForTests(user.id);
    await expectRedirect(() => visit(`/w/${workspace.slug}/gaps`), `/w/${workspace.slug}/gaps`);
  });

  it.each([
    ["a tab that browsers drop ('/\\t/evil.example' → '//evil.example')", "/\t/evil.example"],
    ["a line feed", "/\n/evil.example"],
    ["a CR LF header injection", "/w\r\nSet-Cookie: x=y"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash URL", "/\\evil.example"],
    ["another origin", "https://evil.example/w"],
  ])("goes to /w instead of following %s", async (_label, callbackUrl) => {
    const { user } = await signedUpOwner("callback-evil");
    setSessionForTests(user.id);
    const error = await visit(callbackUrl).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    const digest = String((error as { digest?: string }).digest);
    expect(digest.split(";")[2]).toBe("/w");
  });
});
