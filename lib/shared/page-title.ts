/** How every page names itself in the tab: its own name first, then the product's. */
export const PAGE_TITLE_TEMPLATE = "%s — Duet";

export const pageTitle = (name: string): string => PAGE_TITLE_TEMPLATE.replace("%s", name);
