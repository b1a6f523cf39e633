"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils/cn";

export type FrameworkTab = { label: string; path: string; exact?: boolean };

/**
 * Section tabs of one framework (matrix, guide, domains, …). Unlike the generic TabNav, the links
 * carry the chosen version along, so switching tabs keeps showing the same version.
 */
export function FrameworkTabs({
  basePath,
  tabs,
  version,
}: {
  basePath: string;
  tabs: FrameworkTab[];
  version?: string;
}) {
  const pathname = usePathname();
  const query = version ? `?version=${encodeURIComponent(version)}` : "";
  return (
    <nav aria-label="Framework sections" className="mb-6 border-b">
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {tabs.map((tab) => {
          const href = `${basePath}${tab.path}`;
          const active = tab.exact
            ? pathname === href
            : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={tab.path}>
              <Link
                href={`${href}${query}`}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-10 items-center border-b-2 px-1 text-sm font-medium whitespace-nowrap transition-colors",
                  active
                    ? "border-primary text-foreground"
                    : "border-transparent text-muted-foreground hover:border-input hover:text-foreground",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
