import "server-only";

import { appUrl } from "@/lib/env";
import { safeCallbackPath } from "@/lib/validation/auth";

/** Where to send a user after sign-in: a same-origin path of this app (APP_URL), else `/w`. */
export function callbackPath(value: string | null | undefined, fallback = "/w"): string {
  return safeCallbackPath(value, { origin: appUrl(), fallback });
}
