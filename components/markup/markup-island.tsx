"use client";

import { useRouter } from "next/navigation";
import type { ComponentProps, MouseEvent } from "react";

import { type Markup, markupString } from "@/components/markup/html";

/**
 * A block of prebuilt markup (html.ts) inside the React tree. Big stateless tables (the heat map,
 * gap lists, the numbers behind the charts) are cheap as one string but costly as elements: each
 * element is rendered, serialised into the page's RSC payload and rendered again to HTML on every
 * request. So the client component that owns such a table receives compact data, builds the
 * markup (the same string on the server and in the browser, so hydration keeps the server's DOM)
 * and shows it here.
 *
 * Its links are plain anchors; a click on one is routed like a next/link click (client-side
 * navigation, unless modified, targeted elsewhere or off-site).
 */
export function MarkupIsland({
  markup,
  ...props
}: { markup: Markup } & Omit<ComponentProps<"div">, "children" | "dangerouslySetInnerHTML">) {
  const router = useRouter();
  function onClick(event: MouseEvent<HTMLDivElement>) {
    props.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest("a[href]");
    if (!(link instanceof HTMLAnchorElement) || !event.currentTarget.contains(link)) return;
    if ((link.target && link.target !== "_self") || link.hasAttribute("download")) return;
    const url = new URL(link.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(`${url.pathname}${url.search}${url.hash}`);
  }
  return (
    <div {...props} onClick={onClick} dangerouslySetInnerHTML={{ __html: markupString(markup) }} />
  );
}
