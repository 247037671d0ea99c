/**
 * Service hours from a check-in and a check-out (信用时长), by a rule the organization states
 * (民政部 记录办法: no national rounding rule; it must be 科学合理). Configurable:
 * - only the time inside the activity's scheduled window counts;
 * - the result is rounded down to steps (default 30 minutes = 0.5 h);
 * - less than a minimum (default 15 minutes) counts nothing.
 * Times are instants, so an activity past midnight is simply longer, never zero or negative.
 */
import { config } from './config'

export interface HoursRule {
  stepMinutes: number
  minMinutes: number
}

export const hoursRule = (): HoursRule => ({
  stepMinutes: config.hoursStepMinutes(),
  minMinutes: config.hoursMinMinutes(),
})

export function serviceMinutes(
  checkIn: Date,
  checkOut: Date,
  window: { startAt: Date; endAt: Date },
  rule: HoursRule = hoursRule(),
): number {
  const from = Math.max(checkIn.getTime(), new Date(window.startAt).getTime())
  const to = Math.min(checkOut.getTime(), new Date(window.endAt).getTime())
  const minutes = Math.floor(Math.max(0, to - from) / 60_000)
  if (minutes < rule.minMinutes) return 0
  return Math.floor(minutes / rule.stepMinutes) * rule.stepMinutes
}

/** The rule in words, shown beside the hours. */
export function describeRule(rule: HoursRule = hoursRule()): string {
  return `按签到、签退时间计算，只计活动时间内的部分，按 ${rule.stepMinutes} 分钟向下取整，不足 ${rule.minMinutes} 分钟不计`
}

export const toHours = (minutes: number) => Math.round(minutes / 6) / 10
