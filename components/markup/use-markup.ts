import { useMemo } from "react";

import type { Markup } from "@/components/markup/html";

// Markup already built, by the inputs it was built from. On the server the same overview is
// rendered for request after request (its data is cached per workspace revision), so most
// renders find their markup here; the bound keeps a few screens' worth.
const built = new Map<string, Markup>();
const LIMIT = 64;

/**
 * The markup `build` makes from `key` (a string that determines it completely, such as the
 * packed data plus the other inputs), built once per distinct key.
 */
export function useMarkup(key: string, build: () => Markup): Markup {
  // build is derived from key by contract.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => cachedMarkup(key, build), [key]);
}

function cachedMarkup(key: string, build: () => Markup): Markup {
  const hit = built.get(key);
  if (hit) {
    built.delete(key);
    built.set(key, hit);
    return hit;
  }
  const markup = build();
  built.set(key, markup);
  if (built.size > LIMIT) built.delete(built.keys().next().value as string);
  return markup;
}
