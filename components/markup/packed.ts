/**
 * Data for a client component as one JSON string. React serialises props into the page's RSC
 * payload value by value, and decodes them again on the server to render the HTML: for a grid of
 * a thousand small values that walk costs more than building the grid's markup. One string is
 * copied instead, and parsed (natively) only where the markup has to be built.
 */
export type Packed<T> = string & { readonly __packedType?: T };

export function pack<T>(value: T): Packed<T> {
  return JSON.stringify(value) as Packed<T>;
}

export function unpack<T>(packed: Packed<T>): T {
  return JSON.parse(packed) as T;
}
