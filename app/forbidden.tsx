import { ShieldAlert } from "lucide-react";
import type { Metadata } from "next";

import { StatusPage } from "@/components/app-shell/status-page";

export const metadata: Metadata = {
  title: "No access",
};

/**
 * Shown with status 403 when a member opens a page their role does not allow (forbidden() in
 * lib/auth/workspace-gate.ts). Only members get here: to anyone else the workspace is a 404.
 */
export default function Forbidden() {
  return (
    <StatusPage
      icon={ShieldAlert}
      status={403}
      title="Your role does not allow this page"
      action={{ href: "/w", label: "Back to your workspaces" }}
    >
      You are a member of this workspace, but this page needs a role with more rights. Ask an owner
      or administrator of the workspace if you need it.
    </StatusPage>
  );
}
