/**
 * Function configuration, read from the environment variables set on each cloud function
 * (云开发 console → 云函数 → 配置 → 环境变量); the local cloud sets development values.
 */
function list(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

function positive(name: string, fallback: number): number {
  const n = Number(process.env[name])
  return Number.isFinite(n) && n > 0 ? n : fallback
}

export const config = {
  /** 超级管理员: openids bootstrapped as owners of the whole tree. */
  ownerOpenids: () => list('OWNER_OPENIDS'),
  /** Subscribe-message template for 审核结果通知; empty = messages kept in 我的 only. */
  reviewResultTemplateId: () => process.env.TEMPLATE_REVIEW_RESULT ?? '',
  /** Days an activation code stays valid. */
  activationCodeDays: () => positive('ACTIVATION_CODE_DAYS', 7),
  /** The version a subscribe message opens (formal | trial | developer); formal unless configured. */
  miniprogramState: () => {
    const s = process.env.MINIPROGRAM_STATE
    return s === 'trial' || s === 'developer' ? s : 'formal'
  },
  /** Wrong codes before activation locks until an admin re-issues one. */
  activationMaxFailures: () => positive('ACTIVATION_MAX_FAILURES', 5),
  /** 认领 (claim) attempts one WeChat account may make a day, right or wrong. */
  claimAttemptsPerDay: () => positive('CLAIM_ATTEMPTS_PER_DAY', 10),
  /** Times one WeChat account may be told an ID number is taken, a day (so numbers cannot be probed in bulk). */
  takenAnswersPerDay: () => positive('TAKEN_ANSWERS_PER_DAY', 3),
  /** 申诉 one WeChat account may file a day. */
  appealsPerDay: () => positive('APPEALS_PER_DAY', 3),
  /** Hours before an activity's start after which a sign-up can no longer be cancelled, only marked 无法参加. */
  cancelCutoffHours: () => positive('SIGNUP_CANCEL_CUTOFF_HOURS', 2),
  /** Subscribe-message templates for activities; empty = shown in 我的 → 我的活动 only. */
  templates: {
    signup: () => process.env.TEMPLATE_SIGNUP ?? '',
    reminder: () => process.env.TEMPLATE_ACTIVITY_REMINDER ?? '',
    cancelled: () => process.env.TEMPLATE_ACTIVITY_CANCELLED ?? '',
    promoted: () => process.env.TEMPLATE_WAITLIST_PROMOTED ?? '',
    changed: () => process.env.TEMPLATE_ACTIVITY_CHANGED ?? '',
  },
  /** Ed25519 seed (32 bytes, hex or base64) that signs check-in tickets. */
  ticketSigningKey: () => process.env.TICKET_SIGNING_KEY ?? '',
  /** Only the local cloud sets this: it allows the published development keys. */
  allowDevKeys: () => process.env.ALLOW_DEV_KEYS === '1',
  /** Service hours are rounded down to this many minutes (30 = half hours). */
  hoursStepMinutes: () => positive('HOURS_STEP_MINUTES', 30),
  /** A stay shorter than this counts no hours. */
  hoursMinMinutes: () => positive('HOURS_MIN_MINUTES', 15),
  /** Check-in opens this many hours before the start (and closes at the end). */
  checkinOpensHours: () => positive('CHECKIN_OPENS_HOURS', 2),
}
