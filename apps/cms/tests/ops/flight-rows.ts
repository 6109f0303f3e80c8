/**
 * A rendered App Router page split into what can be compared across two renders of the same data.
 * The server HTML is deterministic, but the React Server Components payload inlined after it
 * (`self.__next_f.push([1, "..."])` scripts) is streamed as rows in the order their data resolved,
 * and each row's id (and so every reference to it) is its place in that order: two renders of
 * identical content differ there whenever parallel CMS calls finish in another order. So the page
 * is compared as its HTML without those scripts, plus the payload's rows as a sorted list, each
 * without its own id and with references to other rows reduced to their kind (`$L#`, `$#`).
 */

const FLIGHT_SCRIPT = /<script>self\.__next_f\.push\((\[.*?\])\)<\/script>/gs;

/** Rows of the payload: `id:payload\n`, or `id:T<hex byte length>,<text>` for text rows. */
const splitRows = (payload: string): string[] => {
  const bytes = Buffer.from(payload, 'utf8');
  const rows: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(':', at);
    if (colon < 0) throw new Error(`an RSC row without an id at byte ${at}`);
    if (bytes[colon + 1] === 'T'.charCodeAt(0)) {
      const comma = bytes.indexOf(',', colon);
      const length = Number.parseInt(bytes.subarray(colon + 2, comma).toString(), 16);
      rows.push(`T:${bytes.subarray(comma + 1, comma + 1 + length).toString()}`);
      at = comma + 1 + length;
    } else {
      const end = bytes.indexOf('\n', colon);
      const stop = end < 0 ? bytes.length : end;
      rows.push(bytes.subarray(colon + 1, stop).toString());
      at = stop + 1;
    }
  }
  return rows;
};

/** `"$L1d"`, `"$1d"`, `"$@3"`, `"$1d:props:children"`: references to a row by its id. */
const ROW_REFERENCE = /"\$([A-Za-z@]?)[0-9a-f]+((?::[^"]*)?)"/g;

export type ComparablePage = { html: string; rows: string[] };

export const comparablePage = (body: string): ComparablePage => {
  let payload = '';
  const html = body.replace(FLIGHT_SCRIPT, (_script, args: string) => {
    const [kind, chunk] = JSON.parse(args) as [number, unknown];
    if (kind === 1 && typeof chunk === 'string') payload += chunk;
    return '';
  });
  const rows = splitRows(payload)
    .map((row) => row.replace(ROW_REFERENCE, '"$$$1#$2"'))
    .sort();
  return { html, rows };
};
