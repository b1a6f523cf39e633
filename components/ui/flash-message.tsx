"use client";

import { X } from "lucide-react";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";

import { Alert, type AlertVariant } from "@/components/ui/alert";

export type FlashMessageProps = {
  message: ReactNode;
  title?: ReactNode;
  variant?: AlertVariant;
  /** Show a close button (default true). */
  dismissible?: boolean;
  /**
   * Query parameter that carried the message (e.g. "flash" in `?flash=saved`); removed from the URL
   * on dismiss so a reload does not show it again.
   */
  clearParam?: string;
  className?: string;
};

/**
 * A one-off confirmation shown after a redirect (e.g. "AI system created"), announced politely.
 * Toast-free: it sits in the page flow where the user is looking.
 */
export function FlashMessage({
  message,
  title,
  variant = "success",
  dismissible = true,
  clearParam,
  className,
}: FlashMessageProps) {
  const [open, setOpen] = useState(true);
  const router = useRouter();

  if (!open) return null;

  function dismiss() {
    setOpen(false);
    // Read the URL only on click: useSearchParams would force a Suspense boundary on static pages.
    const url = new URL(window.location.href);
    if (clearParam && url.searchParams.has(clearParam)) {
      url.searchParams.delete(clearParam);
      router.replace(`${url.pathname}${url.search}${url.hash}`, { scroll: false });
    }
  }

  return (
    <Alert
      variant={variant}
      title={title}
      live={variant === "error" ? "assertive" : "polite"}
      className={className}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">{message}</div>
        {dismissible ? (
          <button
            type="button"
            onClick={dismiss}
            className="-mt-0.5 -mr-1 rounded-sm p-0.5 opacity-80 hover:opacity-100"
            aria-label="Dismiss message"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        ) : null}
      </div>
    </Alert>
  );
}
