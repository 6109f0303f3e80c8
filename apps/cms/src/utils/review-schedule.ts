/**
 * When the next medical review is due: the review date plus the article's topic interval. With
 * several topics the shortest interval applies (the strictest standard wins).
 */
export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;

export const reviewIntervalMonths = (topics: Array<{ reviewIntervalMonths?: number | null }>): number => {
  const intervals = topics.map((t) => t.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS);
  return intervals.length > 0 ? Math.min(...intervals) : DEFAULT_REVIEW_INTERVAL_MONTHS;
};

/** `day` (YYYY-MM-DD) plus `months` calendar months; the 31st becomes the month's last day. */
export const addMonths = (day: string, months: number): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not a YYYY-MM-DD date: ${day}`);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(date, lastDay))).toISOString().slice(0, 10);
};

export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);

/** `day` (YYYY-MM-DD) plus `days` days. */
export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
