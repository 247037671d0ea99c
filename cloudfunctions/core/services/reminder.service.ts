/** The day-before reminder: every confirmed sign-up of activities starting tomorrow (China time). */
import { config } from '../config'
import type { ActivityMessage } from '../notify'
import type { ActivityRepository } from '../repositories/activity.repository'
import type { TicketRepository } from '../repositories/ticket.repository'
import { chinaDay, chinaDayStart } from '../time'
import { MY_ACTIVITIES_PAGE } from './signup.service'

/** Activities reminded per run; the timer runs again before the next day anyway. */
const ACTIVITIES_PER_RUN = 100
const TICKETS_PER_RUN = 1000

export interface ReminderDeps {
  activities: ActivityRepository
  tickets: TicketRepository
  tell: (openids: string[], m: ActivityMessage, keepNotice: boolean) => Promise<void>
}

export function reminderService({ activities, tickets, tell }: ReminderDeps) {
  return {
    /** Idempotent: an activity is marked reminded once its people were told, and never told twice. */
    async remindTomorrow(now: Date): Promise<{ activities: number; people: number }> {
      const from = new Date(chinaDayStart(chinaDay(now)).getTime() + 86_400_000)
      const to = new Date(from.getTime() + 86_400_000)
      const due = await activities.dueForReminder(from, to, ACTIVITIES_PER_RUN)
      const holders = (
        await tickets.liveOf(
          due.map((a) => a._id),
          TICKETS_PER_RUN,
        )
      ).filter((t) => t.status === 'confirmed')
      let people = 0
      for (const a of due) {
        const openids = holders.filter((t) => t.activityId === a._id).map((t) => t.openid)
        people += openids.length
        if (openids.length === 0) continue
        await tell(
          openids,
          {
            title: '活动明天开始',
            body: `您报名的「${a.title}」明天开始，地点：${a.address}。签到码在“我的 → 我的活动”。`,
            templateId: config.templates.reminder(),
            page: MY_ACTIVITIES_PAGE,
            activity: { title: a.title, startAt: new Date(a.startAt), place: a.address },
            note: '明天开始，请按时参加',
          },
          true,
        )
      }
      await activities.markReminded(due.map((a) => a._id))
      return { activities: due.length, people }
    },
  }
}
