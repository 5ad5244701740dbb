/**
 * The forms check input with the schemas the server enforces, for instant feedback. Those
 * schemas bring zod, most of what a form would add to its page's first load, and are only
 * needed once the form is used: a form preloads them when it first takes focus (the click on
 * its submit button counts), and awaits them on submit.
 */
export function loadInputSchemas() {
  return import("./input-schemas");
}

export function preloadInputSchemas(): void {
  // A failure here (offline) resurfaces, and is reported, when the form is submitted.
  loadInputSchemas().catch(() => {});
}
