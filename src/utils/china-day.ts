// Its own module, not in datetime.ts: only subpackages use it, and datetime.ts is in the main package.
const CHINA_OFFSET_MS = 8 * 3_600_000

/** The calendar day (`2026-12-01`, as the contract writes days) an instant falls on in China time. */
export function chinaDay(at: Date | number): string {
  return new Date(+at + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}
