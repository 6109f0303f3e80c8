// @ts-check
/**
 * Next 16 writes a cached redirect's `Location` twice (vercel/next.js#82117: the render sets it,
 * serving the cached page appends it again). Browsers cope; proxies that join repeated headers
 * make it `/to, /to`, which is no address, and crawlers report the redirect as broken. An
 * identical `Location` value is therefore not appended a second time.
 * @param {import('node:http').ServerResponse} res
 */
export function keepOneLocation(res) {
  const { appendHeader } = res;
  res.appendHeader = /** @type {typeof res.appendHeader} */ (
    function (/** @type {string} */ name, /** @type {string | readonly string[]} */ value) {
      if (name.toLowerCase() === 'location' && res.hasHeader('location')) {
        const current = [res.getHeader('location')].flat().map(String);
        const added = [value].flat().map(String);
        if (added.every((one) => current.includes(one))) return res;
      }
      return appendHeader.call(res, name, value);
    }
  );
}
