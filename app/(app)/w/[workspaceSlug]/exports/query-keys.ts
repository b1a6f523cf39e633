/** TanStack Query keys of the exports page (one factory, so invalidation hits the same key). */
export const exportQueryKeys = {
  list: (slug: string) => ["exports", slug, "list"] as const,
};
