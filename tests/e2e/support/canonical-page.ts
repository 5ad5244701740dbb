/**
 * A server-rendered page in a form two renders of the same page agree on. Next streams the page's
 * React payload as `self.__next_f.push([1,"…"])` scripts, one record per line (`<id>:<value>`),
 * and both the order of the records and the ids they get depend on which parts of the render
 * finished first, as does how many scripts the records are cut into. So: the markup without the
 * payload scripts and without other scripts' bodies, then every record's value with its id and
 * its references to other records ("$L1a", "$@d", "$14") blanked, sorted. Every string the page
 * carries is still there, so content that differs still shows.
 */
export function canonicalPage(html: string): string {
  const payload: string[] = [];
  const markup = html.replace(/(<script[^>]*>)([\s\S]*?)(<\/script>)/g, (_, open: string, body: string, close: string) => {
    const chunk = /^self\.__next_f\.push\((\[1,"[\s\S]*"\])\)$/.exec(body)?.[1];
    if (!chunk) {
      payload.push(`${body}\n`);
      return `${open}${close}`;
    }
    payload.push((JSON.parse(chunk) as [number, string])[1]);
    return "";
  });
  const records = payload
    .join("")
    .split("\n")
    .filter((record) => record !== "")
    .map((record) => record.replace(/^[0-9a-f]+:/, "").replace(/"\$[A-Z@]?[0-9a-f]+"/g, '"$ref"'))
    .sort();
  return `${markup}\n--- page payload, record by record, ids left out, sorted ---\n${records.join("\n")}`;
}

/** Where two texts first differ, with some context either side; null when they are equal. */
export function firstDifference(actual: string, expected: string, context = 120): string | null {
  if (actual === expected) return null;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at += 1;
  const around = (text: string) => text.slice(Math.max(0, at - context), at + context).replaceAll("\n", "⏎");
  return `they differ at character ${at}:\n  this room:   …${around(actual)}…\n  absent room: …${around(expected)}…`;
}
