/**
 * 集体注册: a team registers its people from a filled .xlsx template. Every row is checked with the
 * registration schema; new people are stored as approved (待激活) with an activation code each,
 * people already registered elsewhere are invited, and committing the same file again re-issues
 * codes for rows still unclaimed. Uploads are bound to their uploader and team and deleted after use.
 */
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import * as v from 'valibot'
import type { ImportPreview, ImportResult, ImportRow } from '../../../types/api'
import { ActivityType, AvailabilitySlot, Gender, SourceCategory } from '../../../types/enums'
import { maskIdNumber } from '../../../types/idcard'
import { registrationSchema, type Registration } from '../../../types/registration'
import { adminScope, teamInScope } from '../auth'
import type { Caller } from '../context'
import { AppError } from '../errors'
import { checkXlsx } from '../xlsx-guard'
import type { TeamDoc, VolunteerDoc } from '../models'
import { idNumberHash, keyFor, legacyIdNumberHash } from '../pii'
import type { MembershipRepository } from '../repositories/membership.repository'
import type { RecordRepository } from '../repositories/record.repository'
import type { TeamRepository } from '../repositories/team.repository'
import type { UploadRepository } from '../repositories/upload.repository'
import { DuplicateRegistration, type VolunteerRepository } from '../repositories/volunteer.repository'
import {
  isUnclaimed,
  issueActivation,
  issueActivations,
  newVolunteer,
  newVolunteerId,
  registrationFields,
} from '../volunteer'

export interface FileStore {
  upload(cloudPath: string, content: Buffer): Promise<string>
  download(fileID: string): Promise<Buffer>
  tempUrl(fileID: string): Promise<string>
  remove(fileIDs: string[]): Promise<void>
}

export interface ImportDeps {
  volunteers: VolunteerRepository
  teams: TeamRepository
  memberships: MembershipRepository
  records: RecordRepository
  uploads: UploadRepository
  files: FileStore
}

/** The template's columns, in order. The header text is what a person sees in Excel or WPS. */
export const COLUMNS = [
  { key: 'name', header: '姓名', width: 10 },
  { key: 'gender', header: '性别（男/女）', width: 10 },
  { key: 'idNumber', header: '身份证号', width: 22 },
  { key: 'employer', header: '单位', width: 24 },
  { key: 'position', header: '职务/职称', width: 16 },
  { key: 'mobile', header: '手机号', width: 14 },
  { key: 'skills', header: '服务技能（用、分隔）', width: 24 },
  { key: 'specialty', header: '专业特长', width: 16 },
  { key: 'availability', header: '服务时间（工作日、周末、晚间或文字）', width: 22 },
  { key: 'source', header: '志愿者来源', width: 16 },
  { key: 'consent', header: '本人已同意个人信息处理（是/否）', width: 18 },
] as const

const MAX_ROWS = 2000
/** Longer than any field of the form: a longer cell is an error, and its text is not carried further. */
const MAX_CELL = 200
/** Uploaded rosters (full ID numbers, phones) are deleted after commit, or by the timer after this. */
export const UPLOAD_TTL_MS = 86_400_000
const INSERT_CHUNK = 100

const byLabel = <K extends string>(map: Record<K, string>) =>
  new Map(Object.entries(map).map(([k, label]) => [label as string, k as K]))
const genders = byLabel(Gender.map)
const skills = byLabel(ActivityType.map)
const slots = byLabel(AvailabilitySlot.map)
// Sources may be written by their short name (五老, 三长) as well as the full label.
const sources = new Map([
  ...byLabel(SourceCategory.map),
  ...Object.entries(SourceCategory.map).map(([k, l]) => [l.split('（')[0], k] as const),
])

const split = (s: string) => s.split(/[、,，;；\s]+/).filter(Boolean)

/** One spreadsheet row as the registration form would have sent it. */
export function rowToRegistration(cells: Record<(typeof COLUMNS)[number]['key'], string>, teamId: string): unknown {
  const skillWords = split(cells.skills)
  const slotWords = split(cells.availability)
  const allSlots = slotWords.length > 0 && slotWords.every((w) => slots.has(w))
  return {
    name: cells.name,
    gender: genders.get(cells.gender) ?? cells.gender,
    idNumber: cells.idNumber,
    employer: cells.employer,
    position: cells.position,
    mobile: cells.mobile,
    skills: skillWords.filter((w) => skills.has(w)).map((w) => skills.get(w)),
    skillsOther: skillWords.filter((w) => !skills.has(w)).join('、'),
    specialty: cells.specialty,
    availability: allSlots
      ? { slots: slotWords.map((w) => slots.get(w)), note: '' }
      : { slots: [], note: cells.availability },
    source: sources.get(cells.source) ?? (cells.source ? cells.source : 'other'),
    teamId,
    consent: cells.consent === '是',
  }
}

interface Parsed {
  row: number
  registration: Registration | null
  name: string
  idNumber: string
  errors: string[]
}

export async function parseWorkbook(buffer: Buffer, teamId: string): Promise<Parsed[]> {
  const problem = checkXlsx(buffer)
  if (problem === 'too_large') throw new AppError('INVALID_INPUT', '文件超过 2 MB，请分批上传', 'fileID')
  if (problem === 'expands_too_much')
    throw new AppError('INVALID_INPUT', `文件内容过多，一次最多导入 ${MAX_ROWS} 行，请分批上传`, 'fileID')
  if (problem) throw new AppError('INVALID_INPUT', '无法读取该文件，请上传用模板填写的 .xlsx 文件', 'fileID')
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch {
    throw new AppError('INVALID_INPUT', '无法读取该文件，请上传用模板填写的 .xlsx 文件', 'fileID')
  }
  const sheet = wb.worksheets[0]
  const header = COLUMNS.map((_, i) =>
    sheet
      ?.getRow(1)
      .getCell(i + 1)
      .text.trim(),
  )
  if (!sheet || header[0] !== COLUMNS[0].header || header[2] !== COLUMNS[2].header) {
    throw new AppError('INVALID_INPUT', '表头与模板不一致，请下载最新模板填写', 'fileID')
  }
  if (sheet.rowCount - 1 > MAX_ROWS)
    throw new AppError('INVALID_INPUT', `一次最多导入 ${MAX_ROWS} 行，请分批上传`, 'fileID')
  const out: Parsed[] = []
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const raw = COLUMNS.map((_, i) => row.getCell(i + 1).text.trim())
    const tooLong = raw.some((t) => t.length > MAX_CELL)
    const cells = Object.fromEntries(COLUMNS.map((c, i) => [c.key, raw[i].slice(0, MAX_CELL)])) as Record<
      (typeof COLUMNS)[number]['key'],
      string
    >
    if (Object.values(cells).every((x) => x === '')) return
    const result = v.safeParse(registrationSchema, rowToRegistration(cells, teamId))
    const errors = result.success ? [] : [...new Set(result.issues.map((i) => i.message))]
    if (tooLong) errors.unshift(`有单元格超过 ${MAX_CELL} 个字`)
    // Typed into a "General" cell, 18 digits become a number and lose their last digits.
    if (row.getCell(3).type === ExcelJS.ValueType.Number)
      errors.unshift('身份证号被表格当成了数字，请把该列设置为“文本”格式后重新填写')
    out.push({
      row: number,
      registration: result.success && !tooLong ? result.output : null,
      name: cells.name,
      idNumber: cells.idNumber.toUpperCase(),
      errors,
    })
  })
  if (out.length === 0) throw new AppError('INVALID_INPUT', '表格中没有填写任何人员', 'fileID')
  return out
}

/** What commit does with a row; the preview shows only new, member and invalid (see `shown`). */
type Action = 'insert' | 'reissue' | 'invite' | 'none'

interface Plan {
  rows: (ImportRow & { registration: Registration | null; existing: VolunteerDoc | null; action: Action })[]
}

/**
 * Where the caller uploads a roster for the team: a folder named by a keyed hash of the caller and
 * the team, so a file is bound to its uploader and team and nobody else can preview or commit it.
 */
export function uploadDir(openid: string, teamId: string): string {
  const token = crypto.createHmac('sha256', keyFor('upload-path')).update(`${openid}\n${teamId}`).digest('hex')
  return `imports/${teamId}/${token.slice(0, 24)}/`
}

/** The path of a cloud fileID (cloud://<env>.<bucket>/<path>), or null when it is not one. */
function pathOf(fileID: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID)
  return m && !m[1].split('/').includes('..') ? m[1] : null
}

export function importService({ volunteers, teams, memberships, records, uploads, files }: ImportDeps) {
  /** The team in the caller's scope, and the file uploaded by the caller for that team. */
  async function ownUpload(caller: Caller, teamId: string, fileID: string): Promise<TeamDoc> {
    const team = await teamInScope(caller, teams, teamId)
    if (!pathOf(fileID)?.startsWith(uploadDir(caller.openid, team._id)))
      throw new AppError('INVALID_INPUT', '文件不存在或已过期，请重新上传', 'fileID')
    return team
  }

  async function plan(team: TeamDoc, fileID: string): Promise<Plan> {
    let buffer: Buffer
    try {
      buffer = await files.download(fileID)
    } catch {
      throw new AppError('INVALID_INPUT', '文件不存在或已过期，请重新上传', 'fileID')
    }
    const parsed = await parseWorkbook(buffer, team._id)
    // Records from before derived keys carry the legacy hash: look both up.
    const valid = parsed.filter((p) => p.registration)
    const hashes = [...new Set(valid.flatMap((p) => [idNumberHash(p.idNumber), legacyIdNumberHash(p.idNumber)]))]
    const existing = await volunteers.findByIdNumberHashes(hashes)
    const byHash = new Map(existing.map((x) => [x.idNumberHash, x]))
    const members = await memberships.activeAmong(
      team._id,
      existing.map((x) => x.openid),
    )
    const firstRowOf = new Map<string, number>()
    const rows = parsed.map((p): Plan['rows'][number] => {
      const base = {
        row: p.row,
        name: p.name,
        idNumberMasked: p.idNumber.length === 18 ? maskIdNumber(p.idNumber) : '',
        registration: p.registration,
        errors: [] as string[],
      }
      if (!p.registration) return { ...base, outcome: 'invalid', errors: p.errors, existing: null, action: 'none' }
      const seen = firstRowOf.get(p.idNumber)
      if (seen)
        return {
          ...base,
          outcome: 'invalid',
          errors: [`与第 ${seen} 行的身份证号重复`],
          existing: null,
          action: 'none',
        }
      firstRowOf.set(p.idNumber, p.row)
      const found = byHash.get(idNumberHash(p.idNumber)) ?? byHash.get(legacyIdNumberHash(p.idNumber)) ?? null
      if (!found) return { ...base, outcome: 'new', existing: null, action: 'insert' }
      // Imported into this very team and not claimed yet: importing again issues a new code.
      if (isUnclaimed(found) && found.team.id === team._id && found.status === 'approved')
        return { ...base, outcome: 'new', existing: found, action: 'reissue' }
      // Already of this subtree: the administrator sees them in the member list or review queue anyway.
      if (members.has(found.openid) || (!isUnclaimed(found) && found.teamPath.includes(team._id)))
        return { ...base, outcome: 'member', existing: found, action: 'none' }
      // Registered elsewhere: an invitation the person accepts under 我的. The preview calls it
      // new like any other, so it never tells whether an ID number is registered.
      return { ...base, outcome: 'new', existing: found, action: 'invite' }
    })
    return { rows }
  }

  function summary(p: Plan, after: 'preview' | 'commit'): ImportPreview {
    const counts = { new: 0, member: 0, invited: 0, invalid: 0 }
    const rows = p.rows.map(({ row, name, idNumberMasked, outcome, errors, action }) => ({
      row,
      name,
      idNumberMasked,
      outcome: after === 'commit' && action === 'invite' ? ('invited' as const) : outcome,
      errors,
    }))
    for (const r of rows) counts[r.outcome]++
    return { rows, counts }
  }

  return {
    /** Where to upload a roster for the team (see uploadDir). */
    async start(caller: Caller, { teamId }: { teamId: string }): Promise<{ cloudDir: string }> {
      const team = await teamInScope(caller, teams, teamId)
      return { cloudDir: uploadDir(caller.openid, team._id) }
    },

    /** The timer's job: uploads older than a day are deleted, committed or not. */
    async purge(now: Date): Promise<{ deleted: number }> {
      const old = await uploads.olderThan(new Date(now.getTime() - UPLOAD_TTL_MS), 100)
      if (old.length === 0) return { deleted: 0 }
      await files.remove(old.map((u) => u.fileID))
      for (const u of old) await uploads.forget(u.fileID)
      return { deleted: old.length }
    },

    async template(caller: Caller): Promise<{ fileID: string; url: string }> {
      await adminScope(caller)
      const wb = new ExcelJS.Workbook()
      const sheet = wb.addWorksheet('集体注册')
      sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }))
      sheet.getColumn(3).numFmt = '@' // 18-digit ID numbers must stay text, or Excel rounds them
      sheet.getColumn(6).numFmt = '@'
      sheet.getRow(1).font = { bold: true }
      const help = wb.addWorksheet('填写说明')
      help.getColumn(1).width = 100
      ;[
        '1. 每行一名志愿者，从第 2 行开始填写；不要修改表头。',
        '2. 身份证号须为 18 位，末位 X 大写或小写均可；性别须与身份证号一致。',
        `3. 服务技能可填：${ActivityType.values.map((k) => ActivityType.map[k]).join('、')}；其他技能直接写文字。`,
        `4. 服务时间可填：${AvailabilitySlot.values.map((k) => AvailabilitySlot.map[k]).join('、')}，或直接写文字说明。`,
        `5. 志愿者来源可填：${SourceCategory.values.map((k) => SourceCategory.map[k]).join('、')}。`,
        '6. 须经本人同意处理其个人信息，“本人已同意个人信息处理”一栏填“是”。',
        '7. 导入后每人获得一个激活码，请转交本人：在小程序“我的”中用身份证号和激活码完成激活。',
      ].forEach((line) => help.addRow([line]))
      const buffer = Buffer.from(await wb.xlsx.writeBuffer())
      const fileID = await files.upload('templates/集体注册模板.xlsx', buffer)
      return { fileID, url: await files.tempUrl(fileID) }
    },

    async preview(caller: Caller, data: { teamId: string; fileID: string }): Promise<ImportPreview> {
      const team = await ownUpload(caller, data.teamId, data.fileID)
      await uploads.seen(data.fileID, team._id, caller.openid)
      return summary(await plan(team, data.fileID), 'preview')
    },

    /**
     * Re-runnable: the audit is written first; rows already imported into this team and still
     * unclaimed get a new code (so a commit cut short, or codes lost, are fixed by committing again);
     * people registered elsewhere are invited, never joined, and each invitation is audited by name.
     */
    async commit(caller: Caller, data: { teamId: string; fileID: string }): Promise<ImportResult> {
      const team = await ownUpload(caller, data.teamId, data.fileID)
      await uploads.seen(data.fileID, team._id, caller.openid)
      const p = await plan(team, data.fileID)
      const now = caller.now()
      const of = (a: Action) => p.rows.filter((r) => r.action === a)
      const [inserts, reissues, invites] = [of('insert'), of('reissue'), of('invite')]
      await records.auditMany([
        {
          by: caller.openid,
          teamPath: team.path,
          action: 'import',
          target: team._id,
          detail: `rows ${p.rows.length}; new ${inserts.length}; reissued ${reissues.length}; invited ${invites.length}`,
        },
        ...reissues.map((r) => ({
          by: caller.openid,
          teamPath: team.path,
          action: 'reissue' as const,
          target: r.existing!._id,
          detail: `import ${team._id}`,
        })),
        ...invites.map((r) => ({
          by: caller.openid,
          teamPath: team.path,
          action: 'invite' as const,
          target: r.existing!._id,
          detail: `${team.name}（${team._id}）邀请 ${r.existing!.name}`,
        })),
      ])
      const codes: ImportResult['codes'] = []
      const docs: Omit<VolunteerDoc, '_id'>[] = []
      for (const r of inserts) {
        const id = newVolunteerId()
        const { code, activation } = issueActivation(id, now, { forOwner: false })
        codes.push({ row: r.row, name: r.name, code })
        const fields = registrationFields(r.registration!, id, team)
        docs.push(newVolunteer(fields, { kind: 'imported', id, by: caller.openid, activation, now }) as VolunteerDoc)
      }
      try {
        for (let i = 0; i < docs.length; i += INSERT_CHUNK) await volunteers.insertMany(docs.slice(i, i + INSERT_CHUNK))
      } catch (e) {
        if (e instanceof DuplicateRegistration)
          throw new AppError('CONFLICT', '部分人员刚刚被其他管理员导入。已导入的人员不受影响，请再次导入以补发激活码')
        throw e
      }
      // Rows already imported and unclaimed: one batch of new codes in one conditional update;
      // which records took them is read back only when fewer changed than were given (a claim
      // or another import landed in between).
      if (reissues.length) {
        const { activation, codeOf } = issueActivations(now)
        const ids = reissues.map((r) => r.existing!._id)
        const changed = await volunteers.reissueUnclaimed(ids, activation)
        const took =
          changed === ids.length
            ? new Set(ids)
            : new Set(
                (await volunteers.findByIds(ids))
                  .filter((v) => v.activation?.codeHash === activation.codeHash)
                  .map((v) => v._id),
              )
        for (const r of reissues)
          if (took.has(r.existing!._id)) codes.push({ row: r.row, name: r.name, code: codeOf(r.existing!._id) })
      }
      await volunteers.invite(
        invites.map((r) => r.existing!._id),
        { id: team._id, name: team.name, kind: team.kind },
        team.path,
        caller.openid,
      )
      codes.sort((a, b) => a.row - b.row)
      // The roster holds full ID numbers and phones: once imported it is not kept.
      await files.remove([data.fileID])
      await uploads.forget(data.fileID)
      return { ...summary(p, 'commit'), codes }
    },
  }
}
