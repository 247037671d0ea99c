/**
 * Timer-triggered jobs (config.json `triggers`). The platform invokes a timer with
 * `{ Type: 'Timer', TriggerName }` and no user: a call from the app carries an OPENID and is refused.
 */
import type { Result } from '../../types/result'
import { cloud } from '../core/db'
import { repos, tellAboutActivity } from '../core/platform'
import { checkinService } from '../core/services/checkin.service'
import { reminderService } from '../core/services/reminder.service'
import { teamService } from '../core/services/team.service'

const deps = { ...repos, tell: tellAboutActivity }
const reminders = reminderService(deps)
const checkins = checkinService(deps)
const teams = teamService(deps)

const jobs: Record<string, (now: Date) => Promise<unknown>> = {
  remind: (now) => reminders.remindTomorrow(now),
  autoCheckout: (now) => checkins.autoCheckout(now),
  // Counters move with every membership change; the nightly recount repairs any a failed call left.
  recountMembers: () => teams.recountAll(),
  recountHours: (now) => checkins.recountHours(now),
}

export async function main(event: unknown): Promise<Result<unknown>> {
  if (cloud.getWXContext().OPENID) return { ok: false, code: 'FORBIDDEN', message: '定时任务只能由定时触发器运行' }
  const name = (event as { TriggerName?: unknown } | null)?.TriggerName
  const job = typeof name === 'string' && Object.prototype.hasOwnProperty.call(jobs, name) ? jobs[name] : undefined
  if (!job) return { ok: false, code: 'UNKNOWN_ACTION', message: '未知的定时任务' }
  try {
    const data = await job(new Date())
    console.log(`[scheduler] ${name} done`)
    return { ok: true, data }
  } catch (e) {
    console.error(`[scheduler] ${name} failed:`, e instanceof Error ? e.message : String(e))
    return { ok: false, code: 'INTERNAL', message: '定时任务失败' }
  }
}
