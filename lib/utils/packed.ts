import { useMemo } from "react";

/**
 * Data for a client component as one JSON string. React serialises props into the page's RSC
 * payload value by value, and decodes them again on the server to render the HTML: for data of a
 * thousand small values that walk costs more than rendering what they show. One string is copied
 * instead, and parsed (natively) where it is used.
 */
export type Packed<T> = string & { readonly __packedType?: T };

export function pack<T>(value: T): Packed<T> {
  return JSON.stringify(value) as Packed<T>;
}

export function unpack<T>(packed: Packed<T>): T {
  return JSON.parse(packed) as T;
}

// Parsed values by their string: the same data is rendered for request after request (the
// overview is cached per workspace revision), and an unchanged object also lets what is derived
// from it be reused. Treat the result as read-only.
const parsed = new Map<string, unknown>();
const LIMIT = 32;

/** unpack(), once per distinct string (on the server and in the browser alike). */
export function useUnpacked<T>(packed: Packed<T>): T {
  return useMemo(() => {
    if (parsed.has(packed)) return parsed.get(packed) as T;
    const value = unpack(packed);
    parsed.set(packed, value);
    if (parsed.size > LIMIT) parsed.delete(parsed.keys().next().value as string);
    return value;
  }, [packed]);
}
