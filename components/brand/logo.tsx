import { cn } from "@/lib/utils/cn";

export type LogoProps = {
  /** Show the wordmark next to the mark (default true). */
  withWordmark?: boolean;
  className?: string;
};

/**
 * Product mark: a shield split into two halves (provider / customer), the shared-responsibility idea.
 * The SVG is decorative; the wordmark (or the sr-only text) names the product.
 */
export function Logo({ withWordmark = true, className }: LogoProps) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-foreground", className)}>
      <svg
        aria-hidden="true"
        viewBox="0 0 32 32"
        className="size-7 shrink-0"
        fill="none"
        xmlns="http://www.w3.org/2000/svg"
      >
        <rect width="32" height="32" rx="8" className="fill-primary" />
        <path d="M16 6.5 8.5 9.4v6.2c0 4.9 3.2 8.6 7.5 9.9V6.5Z" fill="white" fillOpacity="0.95" />
        <path d="M16 6.5v19c4.3-1.3 7.5-5 7.5-9.9V9.4L16 6.5Z" fill="white" fillOpacity="0.55" />
      </svg>
      {withWordmark ? (
        <span className="text-[0.95rem] leading-none font-semibold tracking-tight">
          AI SRM <span className="font-normal text-muted-foreground">Workspace</span>
        </span>
      ) : (
        <span className="sr-only">AI SRM Workspace</span>
      )}
    </span>
  );
}
