/** Presentation helpers shared by components. */

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2025-03-11T08:00:00.000Z` or `2025-03-11` -> `11 March 2025` (UTC, so it never shifts a day). */
export const formatDate = (value: string): string =>
  dateFormat.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

/** `Lena Marsh` + `RD, MSc` -> `Lena Marsh, RD, MSc` */
export const nameWithCredentials = (person: { name: string; credentials: string | null }): string =>
  person.credentials ? `${person.name}, ${person.credentials}` : person.name;

/** `© 2024–2026 Holder. All rights reserved.`, or a single year when they are the same. */
export const copyrightLine = (startYear: number, holder: string, now: Date = new Date()): string => {
  const currentYear = now.getUTCFullYear();
  const years = startYear >= currentYear ? String(currentYear) : `${startYear}\u2013${currentYear}`;
  return `\u00a9 ${years} ${holder}. All rights reserved.`;
};
