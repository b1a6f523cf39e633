"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { cn } from "@/lib/utils/cn";

export type TabNavItem = {
  href: string;
  label: string;
  /** Match only the exact path (for an index tab such as `/settings`). */
  exact?: boolean;
};

export type TabNavProps = {
  items: TabNavItem[];
  /** Accessible name of the navigation landmark, e.g. "Settings". */
  label: string;
  className?: string;
};

function isActive(pathname: string, item: TabNavItem): boolean {
  if (item.exact) return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** Route-level tabs (each tab is a page), with aria-current on the active one. */
export function TabNav({ items, label, className }: TabNavProps) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={cn("mb-6 border-b", className)}>
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {items.map((item) => {
          const active = isActive(pathname, item);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex h-10 items-center border-b-2 px-1 text-sm font-medium whitespace-nowrap transition-colors",
                  active
                    ? "border-primary text-foreground"
                    : "border-transparent text-muted-foreground hover:border-input hover:text-foreground",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
