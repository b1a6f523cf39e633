import { SETTINGS_TABS, workspaceHref } from "@/components/app-shell/nav-items";
import { TabNav } from "@/components/ui/tab-nav";

export type SettingsNavProps = {
  slug: string;
  /** Tab keys to hide for the current role, e.g. ["tokens"]. */
  hidden?: readonly (typeof SETTINGS_TABS)[number]["key"][];
};

/** Tabs for `/w/[slug]/settings` (workspace), `/settings/members`, `/settings/tokens`, `/settings/jobs`. */
export function SettingsNav({ slug, hidden = [] }: SettingsNavProps) {
  const items = SETTINGS_TABS.filter((tab) => !hidden.includes(tab.key)).map((tab) => ({
    href: workspaceHref(slug, tab.segment),
    label: tab.label,
    exact: tab.exact,
  }));
  return <TabNav label="Settings" items={items} />;
}
