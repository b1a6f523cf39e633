/** Where a plan lives in the app (also the link of its notifications). */
export function planHref(input: { slug: string; planId: string }): string {
  return `/w/${encodeURIComponent(input.slug)}/plans/${encodeURIComponent(input.planId)}`;
}

export function plansHref(slug: string): string {
  return `/w/${encodeURIComponent(slug)}/plans`;
}
