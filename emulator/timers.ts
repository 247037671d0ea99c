/**
 * Timer triggers on the local cloud: each function's config.json `triggers` (WeChat's 7-field cron:
 * second minute hour day month weekday year) run the same bundle the cloud runs, with the event the
 * cloud sends a timer (`{ Type: 'Timer', TriggerName, Time }`) and no user.
 */
import { Cron } from 'croner'
import fs from 'node:fs'
import path from 'node:path'
import type { LocalCloud } from './index'

export interface TimerTrigger {
  fn: string
  name: string
  /** The cron as configured (7 fields). */
  config: string
}

export function readTimers(functionsDir: string): TimerTrigger[] {
  return fs.readdirSync(functionsDir).flatMap((fn) => {
    const file = path.join(functionsDir, fn, 'config.json')
    if (!fs.existsSync(file)) return []
    const triggers = (JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: unknown[] }).triggers ?? []
    return (triggers as { name: string; type: string; config: string }[])
      .filter((t) => t.type === 'timer')
      .map((t) => ({ fn, name: t.name, config: t.config }))
  })
}

/** The event the cloud sends a timer-triggered function. */
export const timerEvent = (name: string, at = new Date()) => ({
  Type: 'Timer',
  TriggerName: name,
  Time: at.toISOString(),
})

/** Schedules every timer; returns a function that stops them. China time, as the cloud runs them. */
export function startTimers(cloud: LocalCloud, functionsDir: string): () => void {
  const jobs = readTimers(functionsDir).map((t) => {
    // croner takes 6 fields (with seconds); WeChat's 7th is the year, '*' in every trigger here.
    const six = t.config.trim().split(/\s+/).slice(0, 6).join(' ')
    return new Cron(six, { timezone: 'Asia/Shanghai' }, async () => {
      const r = await cloud.callFunction(t.fn, timerEvent(t.name), { openid: '' })
      console.log(`[timer] ${t.fn}.${t.name}:`, r.error ? r.error.message : JSON.stringify(r.result))
    })
  })
  return () => jobs.forEach((j) => j.stop())
}
