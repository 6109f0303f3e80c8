/** Escapes the five XML specials and drops characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/F). */
export const escapeXml = (value: string): string =>
  value
    // eslint-disable-next-line no-control-regex -- the allowed controls (tab, LF, CR) are named on purpose
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
