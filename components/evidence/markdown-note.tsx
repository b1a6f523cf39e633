import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { cn } from "@/lib/utils/cn";

/**
 * A note's Markdown as formatted text. The HTML comes from lib/markdown/render-markdown.ts, which
 * escapes every raw tag and allows only http(s)/mailto links, so it is safe to insert here.
 */
export function MarkdownNote({ source, className }: { source: string; className?: string }) {
  return (
    <div
      className={cn(
        "grid gap-3 text-sm leading-6 break-words",
        "[&_a]:font-medium [&_a]:text-primary [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground",
        "[&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:text-base [&_h2]:font-semibold [&_h3]:font-semibold",
        "[&_ol]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-muted [&_pre]:p-3 [&_ul]:ml-5 [&_ul]:list-disc",
        "[&_table]:border-collapse [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2",
        className,
      )}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
