/** One inbox entry as pages, the API and the bell see it. */
export type NotificationView = {
  id: string;
  category: string;
  event: string;
  title: string;
  body: string | null;
  /** The object's page inside the app. */
  link: string;
  read: boolean;
  createdAt: string;
};

export type NotificationPage = {
  notifications: NotificationView[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
};

export const INBOX_PAGE_SIZE = 25;

/** The inbox of one workspace. */
export function inboxHref(slug: string, page?: number): string {
  const base = `/w/${encodeURIComponent(slug)}/notifications`;
  return page && page > 1 ? `${base}?page=${page}` : base;
}
