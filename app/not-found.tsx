import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";

import { StatusPage } from "@/components/app-shell/status-page";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <StatusPage
      icon={FileQuestion}
      status={404}
      title="Page not found"
      action={{ href: "/", label: "Go to the home page" }}
    >
      This page does not exist, or you do not have access to it. Check the address, or go back to a
      page you know.
    </StatusPage>
  );
}
