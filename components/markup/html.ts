/**
 * Escaped HTML from template literals, for markup islands (markup-island.tsx): large, stateless
 * tables that would otherwise cost a React element per cell on every request.
 *
 *   markup`<td class="x">${name}</td>`      // name is escaped
 *   markup`<tr>${rows.map((r) => markup`<td>${r}</td>`)}</tr>`   // nested markup is kept
 *
 * Every interpolated value is escaped for text and for double-quoted attribute values, except
 * Markup (what markup`` returns) and arrays of it. So attribute values must always be quoted in
 * the template, and nothing outside this module can mark a string as safe. (Not named html``:
 * Prettier would reformat the templates as HTML, adding whitespace to what is sent.)
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const MARKUP = Symbol("markup");

/** HTML known to be safe: only markup`` makes it. */
export type Markup = { readonly [MARKUP]: string };

export type HtmlValue = Markup | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (typeof value === "object") return value[MARKUP];
  return escapeHtml(value);
}

export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += render(values[i]!) + strings[i + 1]!;
  return { [MARKUP]: out };
}

/** The markup's text, for dangerouslySetInnerHTML. */
export function markupString(markup: Markup): string {
  return markup[MARKUP];
}
