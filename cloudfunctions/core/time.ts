/** China Standard Time (UTC+8, no daylight saving), whatever zone the function instance runs in. */
export function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** The calendar day in China, YYYY-MM-DD. */
export const chinaDay = (d: Date): string => chinaTime(d).slice(0, 10)
