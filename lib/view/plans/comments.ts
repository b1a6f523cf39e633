/** A comment as threads and the API show it; a deleted one keeps its place without its text. */
export type CommentView = {
  id: string;
  authorId: string | null;
  authorName: string | null;
  /** null once deleted. */
  body: string | null;
  /** The body's Markdown as safe HTML (lib/markdown/render-markdown.ts); null once deleted. */
  bodyHtml: string | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
};
