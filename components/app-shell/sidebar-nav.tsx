"use client";

import {
  BadgeCheck,
  Bot,
  Building2,
  Download,
  FileCheck,
  FileText,
  Grid3x3,
  LayoutDashboard,
  Library,
  ListChecks,
  ListTodo,
  type LucideIcon,
  Megaphone,
  ScrollText,
  Settings,
  TriangleAlert,
  UserCheck,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";

import {
  isNavItemActive,
  NAV_SECTIONS,
  type NavItemKey,
  workspaceHref,
} from "@/components/app-shell/nav-items";
import { cn } from "@/lib/utils/cn";

const ICONS: Record<NavItemKey, LucideIcon> = {
  overview: LayoutDashboard,
  systems: Bot,
  duties: ListChecks,
  myDuties: UserCheck,
  evidence: FileCheck,
  vendors: Building2,
  statements: Megaphone,
  approvals: BadgeCheck,
  gaps: TriangleAlert,
  plans: ListTodo,
  standards: Library,
  reports: FileText,
  frameworks: Grid3x3,
  exports: Download,
  audit: ScrollText,
  settings: Settings,
};

export type SidebarNavProps = {
  slug: string;
  hidden?: readonly NavItemKey[];
  /** Called after a link is followed (the mobile drawer closes itself with it). */
  onNavigate?: () => void;
  /** Optional badge counts next to items, e.g. `{ gaps: 12, myDuties: 3 }`. */
  counts?: Partial<Record<NavItemKey, number>>;
};

export function SidebarNav({ slug, hidden = [], onNavigate, counts }: SidebarNavProps) {
  const pathname = usePathname();
  const sections = NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => !hidden.includes(item.key)),
  })).filter((section) => section.items.length > 0);

  return (
    <div className="flex flex-col gap-5">
      {sections.map((section) => (
        <div key={section.label}>
          <p
            id={`nav-section-${section.label.toLowerCase()}`}
            className="px-2 pb-1.5 text-xs font-medium tracking-wide text-muted-foreground uppercase"
          >
            {section.label}
          </p>
          <ul
            aria-labelledby={`nav-section-${section.label.toLowerCase()}`}
            className="flex flex-col gap-0.5"
          >
            {section.items.map((item) => {
              const Icon = ICONS[item.key];
              const active = isNavItemActive(pathname, slug, item);
              const count = counts?.[item.key];
              return (
                <li key={item.key}>
                  <Link
                    href={workspaceHref(slug, item.segment)}
                    aria-current={active ? "page" : undefined}
                    onClick={onNavigate}
                    data-nav-key={item.key}
                    className={cn(
                      "group flex h-9 items-center gap-2.5 rounded-md px-2 text-sm font-medium transition-colors",
                      "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring",
                      active
                        ? "bg-primary-soft text-primary-soft-foreground"
                        : "text-slate-700 hover:bg-accent hover:text-foreground",
                    )}
                  >
                    <Icon
                      aria-hidden="true"
                      className={cn(
                        "size-4 shrink-0",
                        active
                          ? "text-primary"
                          : "text-muted-foreground group-hover:text-foreground",
                      )}
                    />
                    <span className="truncate">{item.label}</span>
                    {count !== undefined && count > 0 ? (
                      <span className="ml-auto rounded-full bg-muted px-1.5 text-xs tabular-nums text-muted-foreground">
                        {count}
                      </span>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
