/**
 * Dates as the raw drivers return them (PostgreSQL: Date; SQLite: epoch milliseconds, as a number
 * or a digit string, or an ISO string) turned into the strings the REST API would send.
 */
export const isoDateTime = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number | Date)).toISOString();

/** A `date` attribute: YYYY-MM-DD. */
export const isoDate = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};
