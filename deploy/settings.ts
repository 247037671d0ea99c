/**
 * The deployment facts that live nowhere else. Everything else is derived: the function list from
 * cloudfunctions/<fn>/ folders, timeouts, triggers and openapi permissions from each function's
 * config.json, collections and indexes from cloudfunctions/database.json, and which variables a
 * function receives from what its bundle reads (deploy/scan.ts).
 */

/** 云开发 runtime for new functions; the bundles target node16 (cloudfunctions/build.ts), so any newer runtime runs them. Fixed at creation. */
export const RUNTIME = 'Nodejs18.15'

/** Memory per instance in MB: 256 unless a function needs more (the spreadsheet function holds exceljs workbooks). */
export const DEFAULT_MEMORY_MB = 256
export const MEMORY_MB: Record<string, number> = { spreadsheet: 512 }

/** Every collection's security rule: clients read and write nothing; only cloud functions do. */
export const SECURITY_RULE = '{"read": false, "write": false}'

export interface Variable {
  /** What it is, in the words of docs/DEPLOY.md. */
  summary: string
  /** Deploying without it is refused. Optional ones may be empty: the code falls back to a default. */
  required: boolean
  /** Changing it on a running environment breaks stored data: deploy refuses unless told --allow-key-change. */
  keep?: boolean
}

/**
 * The environment variables functions read (cloudfunctions/core/config.ts). A variable read by code
 * but missing here fails `npm test`; so does one declared here that no function reads.
 * Values come from the deployer's environment or the git-ignored .env.local, never from the repo.
 */
export const VARIABLES: Record<string, Variable> = {
  PII_KEY: {
    summary: '32-byte key (hex or base64) sealing ID numbers and phones and keying their hashes',
    required: true,
    keep: true,
  },
  /** Not required: on a first deploy the owner has no openid yet (docs/DEPLOY.md, 第一位超级管理员). */
  OWNER_OPENIDS: { summary: 'openids of the 超级管理员 (市科协), comma-separated', required: false },
  TEMPLATE_REVIEW_RESULT: {
    summary: 'subscribe-message template id for 审核结果通知; empty keeps the notices in 我的 only',
    required: false,
  },
  ACTIVATION_CODE_DAYS: { summary: 'days an activation code stays valid (default 7)', required: false },
  ACTIVATION_MAX_FAILURES: { summary: 'wrong activation codes before it locks (default 5)', required: false },
  MINIPROGRAM_STATE: {
    summary: 'version a subscribe message opens: formal (default), trial or developer',
    required: false,
  },
  TICKET_SIGNING_KEY: {
    summary: '32-byte Ed25519 seed (hex or base64) signing check-in tickets; changing it voids every ticket shown',
    required: true,
  },
  /** Set only by the local cloud; a deployed environment leaves it empty so the published dev keys are refused. */
  ALLOW_DEV_KEYS: { summary: 'local cloud only: allows the published development keys; leave empty', required: false },
  SIGNUP_CANCEL_CUTOFF_HOURS: {
    summary: 'hours before the start after which a sign-up can only be marked 无法参加 (default 2)',
    required: false,
  },
  CLAIM_ATTEMPTS_PER_DAY: {
    summary: 'wrong 集体注册 claims one caller may make a day before being slowed down (default 10)',
    required: false,
  },
  TAKEN_ANSWERS_PER_DAY: {
    summary: 'times a day one caller is told an ID number is already registered (default 3)',
    required: false,
  },
  APPEALS_PER_DAY: { summary: '申诉 one caller may file a day (default 3)', required: false },
  HOURS_STEP_MINUTES: {
    summary: 'service hours are rounded down to this many minutes (default 30: half hours)',
    required: false,
  },
  HOURS_MIN_MINUTES: { summary: 'a stay shorter than this many minutes counts no hours (default 15)', required: false },
  CHECKIN_OPENS_HOURS: { summary: 'check-in opens this many hours before the start (default 2)', required: false },
  TEMPLATE_SIGNUP: { summary: 'template id for 报名成功通知 (also used for 已进入候补)', required: false },
  TEMPLATE_ACTIVITY_REMINDER: { summary: 'template id for 活动开始提醒 (the day before)', required: false },
  TEMPLATE_ACTIVITY_CANCELLED: { summary: 'template id for 活动取消通知', required: false },
  TEMPLATE_WAITLIST_PROMOTED: { summary: 'template id for 候补成功通知', required: false },
  TEMPLATE_ACTIVITY_CHANGED: { summary: 'template id for 活动变更通知 (time or place changed)', required: false },
}

/** Deployer credentials and target, read from the environment or .env.local. */
export const CREDENTIALS = {
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
  /** Only for temporary credentials. */
  token: 'TENCENTCLOUD_SESSIONTOKEN',
  envId: 'CLOUDBASE_ENV_ID',
} as const
