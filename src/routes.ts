/**
 * Where the app-wide screens live; screens and hooks link to each other only through these (the admin
 * screens have their own `packages/admin/routes.ts`). Ids are URL-encoded here, and read back with
 * `useParam`, which decodes them.
 */
const q = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`

const VOLUNTEER = '/packages/volunteer/pages'
const ORGANIZER = '/packages/organizer/pages'

export const appUrl = {
  /** Tab pages: open them with `switchTab`. */
  activities: () => '/pages/activities/index',
  me: () => '/pages/me/index',
  register: () => `${VOLUNTEER}/register/index`,
  /** 代为注册: a family member or team leader registers an elder. */
  registerFor: () => `${VOLUNTEER}/register-for/index`,
  /** 申诉 when the ID number is taken; the form starts from the registration draft on the phone. */
  appeal: () => `${VOLUNTEER}/appeal/index`,
  activate: () => `${VOLUNTEER}/activate/index`,
  claim: () => `${VOLUNTEER}/activate/index?mode=claim`,
  activity: (id: string) => `${VOLUNTEER}/activity/index?${q('id', id)}`,
  myActivities: () => `${VOLUNTEER}/my-activities/index`,
  ticket: (ticketId: string) => `${VOLUNTEER}/ticket/index?${q('id', ticketId)}`,
  /** 代为报名: the check-in code of a ticket the caller made for a family member. */
  elderTicket: (ticketId: string) => `${VOLUNTEER}/ticket/index?${q('id', ticketId)}&elder=1`,
  /** The scan page; with an id it opens on that activity. */
  scan: (activityId?: string) => `${ORGANIZER}/scan/index${activityId ? `?${q('id', activityId)}` : ''}`,
  attendance: (activityId: string) => `${ORGANIZER}/attendance/index?${q('id', activityId)}`,
  report: (activityId: string) => `${ORGANIZER}/report/index?${q('id', activityId)}`,
  printTickets: (activityId: string) => `${ORGANIZER}/print/index?${q('id', activityId)}`,
  recordsTodo: () => `${ORGANIZER}/records-todo/index`,
  serviceRecords: () => `${VOLUNTEER}/records/index`,
  certificate: () => `${VOLUNTEER}/certificate/index`,
  /** Public: anyone checks a certificate; the serial, when given, is filled in. */
  verifyCertificate: (serial?: string) =>
    serial ? `${VOLUNTEER}/verify/index?${q('serial', serial)}` : `${VOLUNTEER}/verify/index`,
  organized: () => `${ORGANIZER}/activities/index`,
  newActivity: () => `${ORGANIZER}/activity-edit/index`,
  editActivity: (id: string) => `${ORGANIZER}/activity-edit/index?${q('id', id)}`,
  copyActivity: (fromId: string) => `${ORGANIZER}/activity-edit/index?${q('copyFrom', fromId)}`,
}
