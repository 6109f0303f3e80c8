/**
 * Dates as the raw drivers return them (PostgreSQL: Date; SQLite: epoch milliseconds, as a number
 * or a digit string, or an ISO string) turned into the strings the REST API would send.
 */
export const isoDateTime = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : new Date(
        typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number | Date),
      ).toISOString();

/** A `date` attribute: YYYY-MM-DD. */
export const isoDate = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value).slice(0, 10);
  throw new Error(`Not a date from the database: ${JSON.stringify(value)}`);
};

/** A NOT NULL datetime column (updated_at): null there is a broken row, not a missing date. */
export const requiredIsoDateTime = (value: unknown, column: string): string => {
  const iso = isoDateTime(value);
  if (iso === null) throw new Error(`${column} is null`);
  return iso;
};
