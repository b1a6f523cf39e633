import MarkdownIt from "markdown-it";

type Renderer = ReturnType<typeof MarkdownIt>;

/**
 * Markdown of evidence notes to HTML, safe to put in the page: notes are written by any editor and
 * read by everyone in the workspace (auditors included), so they must never carry script.
 * - `html: false`: raw HTML in the source is escaped and shown as text, never interpreted.
 * - links only to http, https and mailto addresses; anything else (javascript:, data:, relative
 *   paths into the app) stays plain text. Links open without sending the referrer.
 * - images are off: an external image is a tracking pixel, and the page's CSP refuses them anyway.
 */
const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

function createRenderer(): Renderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.disable(["image"]);
  md.validateLink = (url: string) => ALLOWED_LINK.test(url.trim());
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, index, options) => {
    const token = tokens[index];
    if (token) {
      token.attrSet("rel", "noopener noreferrer nofollow");
      token.attrSet("target", "_blank");
    }
    return renderToken(tokens, index, options);
  };
  return md;
}

let renderer: Renderer | undefined;

export function renderMarkdown(source: string): string {
  renderer ??= createRenderer();
  return renderer.render(source);
}
