/** "(2) Design review — Duet": the title with the unread count in front, any earlier count replaced. */
export function titleWithUnread(title: string, unread: number): string {
  const bare = title.replace(/^\(\d+\+?\) /, "");
  return unread > 0 ? `(${unread > 99 ? "99+" : unread}) ${bare}` : bare;
}

/** `title` in place of `current`, keeping the unread count `current` shows in front. */
export function retitled(current: string, title: string): string {
  const count = /^\((\d+\+?)\) /.exec(current)?.[1];
  return count ? `(${count}) ${title}` : title;
}
