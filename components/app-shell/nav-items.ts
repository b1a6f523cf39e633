/**
 * Navigation model of a workspace (`/w/[slug]/…`). Plain data so server code (e.g. the layout that
 * computes which keys a role may not see) can import it; icons live in sidebar-nav.tsx.
 */

export const NAV_ITEM_KEYS = [
  "overview",
  "systems",
  "duties",
  "myDuties",
  "evidence",
  "vendors",
  "statements",
  "approvals",
  "gaps",
  "plans",
  "standards",
  "reports",
  "frameworks",
  "exports",
  "audit",
  "settings",
] as const;

export type NavItemKey = (typeof NAV_ITEM_KEYS)[number];

export type NavItem = {
  key: NavItemKey;
  label: string;
  /** Path below `/w/[slug]`; "" is the workspace overview. */
  segment: string;
};

export type NavSection = { label: string; items: NavItem[] };

export const NAV_SECTIONS: NavSection[] = [
  {
    label: "Workspace",
    items: [
      { key: "overview", label: "Overview", segment: "" },
      { key: "myDuties", label: "My duties", segment: "/my-duties" },
    ],
  },
  {
    label: "Govern",
    items: [
      { key: "systems", label: "AI systems", segment: "/systems" },
      { key: "duties", label: "Duties", segment: "/duties" },
      { key: "evidence", label: "Evidence", segment: "/evidence" },
      { key: "vendors", label: "Vendors", segment: "/vendors" },
      { key: "statements", label: "Provider statements", segment: "/statements" },
      { key: "approvals", label: "Approvals", segment: "/approvals" },
    ],
  },
  {
    label: "Assure",
    items: [
      { key: "gaps", label: "Gaps", segment: "/gaps" },
      { key: "plans", label: "Action plans", segment: "/plans" },
      { key: "standards", label: "Standards", segment: "/standards" },
      { key: "reports", label: "Reports", segment: "/reports" },
      { key: "frameworks", label: "Framework matrix", segment: "/frameworks" },
      { key: "exports", label: "Exports", segment: "/exports" },
      { key: "audit", label: "Audit log", segment: "/audit" },
    ],
  },
  {
    label: "Administration",
    items: [{ key: "settings", label: "Settings", segment: "/settings" }],
  },
];

export function workspaceHref(slug: string, segment = ""): string {
  return `/w/${encodeURIComponent(slug)}${segment}`;
}

export function navItemHref(slug: string, key: NavItemKey): string {
  const item = NAV_SECTIONS.flatMap((section) => section.items).find((entry) => entry.key === key);
  return workspaceHref(slug, item?.segment ?? "");
}

/** Overview matches only its exact path; every other item also matches its sub-pages. */
export function isNavItemActive(pathname: string, slug: string, item: NavItem): boolean {
  const href = workspaceHref(slug, item.segment);
  const path = pathname.replace(/\/+$/, "") || "/";
  if (item.segment === "") return path === href;
  return path === href || path.startsWith(`${href}/`);
}

/** Settings sub-pages, for the settings layout's tab navigation. */
export const SETTINGS_TABS = [
  { key: "workspace", label: "Workspace", segment: "/settings", exact: true },
  { key: "members", label: "Members", segment: "/settings/members", exact: false },
  { key: "tokens", label: "API tokens", segment: "/settings/tokens", exact: false },
  { key: "jobs", label: "Background jobs", segment: "/settings/jobs", exact: false },
] as const;

export function roleLabel(role: string): string {
  const lower = role.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
