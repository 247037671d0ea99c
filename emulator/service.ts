/**
 * The service API behind `TCB_CONTEXT_CNFG.URL`: one POST per SDK call, `action` naming the
 * operation. Answers have the cloud's shapes, which wx-server-sdk 4.0.2 (through
 * @cloudbase/node-sdk 3.17.2 and @cloudbase/database 1.4.3) expects; see the contract test.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parse, stringify } from './ejson'
import { CloudError, dbFailed, invalid } from './errors'
import { decodeCommApiData, encodeCommOpenApiResp } from './openapi'
import { phoneNumber, readIdCard } from './openapi-fixtures'

import type { Doc, Read, Store } from './store'

export interface Identity {
  openid: string
  appid?: string
  unionid?: string
}

/** One run of a function; every request its SDK makes is attributed to it. */
export interface Invocation {
  id: string
  fn: string
  who: Identity
  /** X-TCB-Source of requests from it, the TCB_SOURCE of functions it calls. */
  source: string
  parent?: Invocation
  permissions: string[]
  requests: Record<string, number>
  dbRequests: number
  /** Documents the cloud's database would examine for its requests (cost.ts). */
  docsExamined: number
  /** Each database request in order, with what it examined. */
  breakdown: DbRequestCost[]
  ended?: number
}

/** One database request of an invocation and what the cloud would examine to answer it. */
export interface DbRequestCost {
  action: string
  collection?: string
  docsExamined: number
  /** Documents answered (reads only). */
  returned?: number
  /** How the indexes served it, e.g. `index status_start (status=, startAt range)`. */
  plan?: string
}

export interface OutboxMessage {
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
  at: string
  fn: string
  errcode: number
}

export interface ServiceDeps {
  store: Store
  envId: string
  baseUrl: () => string
  storageDir: string
  outbox: OutboxMessage[]
  refused: Set<string>
  callFunction(
    name: string,
    event: unknown,
    who: Identity,
    parent: Invocation | undefined,
    source: string,
  ): Promise<{ result: unknown; error?: { code: string; message: string } }>
}

/** The openapi calls this cloud answers; any other fails loudly. */
const EMULATED_OPENAPI = ['subscribeMessage.send', 'ocr.idcard', 'phonenumber.getPhoneNumber']

type Params = Record<string, unknown>
type Answer = Record<string, unknown> | Buffer

const UPLOAD_TTL_MS = 10 * 60_000

export class CloudService {
  private readonly signKey = crypto.randomBytes(32)
  private readonly uploads = new Map<string, { cloudPath: string; expires: number }>()

  constructor(private readonly deps: ServiceDeps) {}

  async handle(
    action: unknown,
    p: Params,
    inv: Invocation | undefined,
    headers: Record<string, string | string[] | undefined>,
    reads?: Read[],
  ): Promise<Answer> {
    const now = this.deps.store.now()
    switch (action) {
      case 'database.insertDocument':
        return this.insert(p, now)
      case 'database.getDocument':
        return this.get(p, now, reads)
      case 'database.calculateDocument':
        return { data: { total: this.deps.store.count(String(p.collectionName), this.query(p, now), reads) } }
      case 'database.modifyDocument':
        return this.modify(p, now, reads)
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(p, now, reads)
      case 'database.removeDocument':
        return this.remove(p, now, reads)
      case 'database.aggregateDocuments':
        return this.aggregate(p, now, reads)
      case 'database.startTransaction':
        return { transactionId: this.deps.store.begin() }
      case 'database.commitTransaction':
        this.deps.store.commit(p.transactionId)
        return {}
      case 'database.abortTransaction':
        this.deps.store.abort(p.transactionId)
        return {}
      case 'database.addCollection':
        this.deps.store.createCollection(String(p.collectionName))
        return {}
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(p, now)
      case 'storage.batchGetDownloadUrl':
        return this.downloadUrls(p, now)
      case 'storage.batchDeleteFile':
        return this.deleteFiles(p)
      case 'functions.invokeFunction':
        return this.invoke(p, inv, headers)
      case 'wx.openApi':
        return this.openApi(p, inv)
      default:
        throw invalid(`[InvalidParameter.Action] action ${JSON.stringify(action)} is not supported by the local cloud`)
    }
  }

  // ---- database -----------------------------------------------------------------------------

  private query(p: Params, now: number): Record<string, unknown> {
    if (p.query === undefined || p.query === '') return {}
    const q = parse(p.query, { now })
    if (q === null || typeof q !== 'object' || Array.isArray(q)) throw invalid('query must be an object')
    return q as Record<string, unknown>
  }

  /** The document id of a single-document operation inside a transaction. */
  private txDocId(p: Params, now: number): unknown {
    const q = this.query(p, now)
    if (p.queryType !== 'DOC' || !('_id' in q)) {
      throw dbFailed(
        '[InvalidParameter] a transaction supports single-document operations only (doc(id)); where() is refused inside a transaction',
      )
    }
    return q._id
  }

  private docs(p: Params, now: number): Doc[] {
    if (!Array.isArray(p.data) || p.data.length === 0) throw invalid('data must be a non-empty array')
    return p.data.map((s) => {
      const d = parse(s, { now })
      if (d === null || typeof d !== 'object' || Array.isArray(d)) throw invalid('each document must be an object')
      return d as Doc
    })
  }

  private async insert(p: Params, now: number) {
    const docs = this.docs(p, now)
    const coll = String(p.collectionName)
    const ids = p.transactionId
      ? this.deps.store.txInsert(p.transactionId, coll, docs)
      : await this.deps.store.insert(coll, docs)
    return { data: { insertedIds: ids } }
  }

  private get(p: Params, now: number, reads?: Read[]) {
    const coll = String(p.collectionName)
    const projection = p.projection ? (parse(p.projection, { now }) as Record<string, unknown>) : undefined
    if (p.transactionId) {
      const list = this.deps.store.txGet(p.transactionId, coll, this.txDocId(p, now), projection, reads)
      return { data: { list: list.map(stringify) } }
    }
    const order = p.order ? (parse(p.order, { now }) as Record<string, 1 | -1>) : undefined
    const skip = Number(p.offset ?? 0) || 0
    const limit = Number(p.limit ?? 0) || 0
    const list = this.deps.store.find(coll, this.query(p, now), { order, skip, limit, projection }, reads)
    return { data: { list: list.map(stringify), offset: skip, limit: list.length } }
  }

  private updateData(p: Params, now: number): Doc {
    const data = parse(p.data, { now })
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalid('data must be an object')
    return data as Doc
  }

  private async modify(p: Params, now: number, reads?: Read[]) {
    const coll = String(p.collectionName)
    const u = { data: this.updateData(p, now), merge: p.merge !== false, upsert: p.upsert === true }
    const r = p.transactionId
      ? this.deps.store.txUpdate(p.transactionId, coll, this.txDocId(p, now), u, reads)
      : await this.deps.store.update(coll, { ...u, query: this.query(p, now), multi: p.multi !== false }, reads)
    return { data: r.upsertId === undefined ? { updated: r.updated } : { updated: r.updated, upsert_id: r.upsertId } }
  }

  /**
   * `updateAndReturn()` (@cloudbase/database 1.4.3 `Query.updateAndReturn`): a where() and update
   * operators; updates the first match and answers it as updated, `doc` an extended JSON string.
   * The SDK lets it run inside a transaction too, where() and all.
   */
  private async modifyAndReturn(p: Params, now: number, reads?: Read[]) {
    const coll = String(p.collectionName)
    const data = this.updateData(p, now)
    const query = this.query(p, now)
    const r = p.transactionId
      ? this.deps.store.txUpdateAndReturn(p.transactionId, coll, query, data, reads)
      : await this.deps.store.updateAndReturn(coll, query, data, reads)
    return { data: { updated: r.updated, doc: r.doc ? stringify(r.doc) : null } }
  }

  private async remove(p: Params, now: number, reads?: Read[]) {
    const coll = String(p.collectionName)
    const deleted = p.transactionId
      ? this.deps.store.txRemove(p.transactionId, coll, this.txDocId(p, now), reads)
      : await this.deps.store.remove(coll, this.query(p, now), p.multi !== false, reads)
    return { data: { deleted } }
  }

  private aggregate(p: Params, now: number, reads?: Read[]) {
    if (!Array.isArray(p.stages)) throw invalid('stages must be an array')
    const stages = p.stages.map((s: { stageKey?: unknown; stageValue?: unknown }) => {
      if (typeof s?.stageKey !== 'string' || !s.stageKey.startsWith('$')) throw invalid('bad aggregation stage')
      return { [s.stageKey]: parse(s.stageValue, { now }) }
    })
    const list = this.deps.store.aggregate(String(p.collectionName), stages, reads)
    return { data: { list: list.map(stringify) } }
  }

  // ---- storage ------------------------------------------------------------------------------

  fileId(cloudPath: string) {
    return `cloud://${this.deps.envId}.local-${this.deps.envId}/${cloudPath}`
  }

  /** The storage path of a fileID, checked to stay inside the storage folder. */
  cloudPath(fileIdOrPath: unknown): string {
    const s = String(fileIdOrPath ?? '')
    const p = s.startsWith('cloud://') ? s.replace(/^cloud:\/\/[^/]+\//, '') : s
    const parts = p.split('/')
    if (!p || p.startsWith('/') || /[?#\\\0]/.test(p) || parts.some((x) => x === '' || x === '.' || x === '..')) {
      throw invalid(`invalid cloud path: ${s}`)
    }
    return p
  }

  filePath(cloudPath: string) {
    return path.join(this.deps.storageDir, ...cloudPath.split('/'))
  }

  private sign(cloudPath: string, expires: number) {
    return crypto.createHmac('sha256', this.signKey).update(`${cloudPath}\n${expires}`).digest('hex').slice(0, 32)
  }

  /** Whether a temporary download URL's signature is valid and unexpired. */
  checkSignature(cloudPath: string, expires: number, sign: string) {
    return expires > this.deps.store.now() && sign === this.sign(cloudPath, expires)
  }

  /** The upload an upload URL token stands for, consumed on use. */
  takeUpload(token: string): string | undefined {
    const u = this.uploads.get(token)
    this.uploads.delete(token)
    return u && u.expires > this.deps.store.now() ? u.cloudPath : undefined
  }

  private uploadMetadata(p: Params, now: number) {
    const cloudPath = this.cloudPath(p.path)
    for (const [t, u] of this.uploads) if (u.expires < now) this.uploads.delete(t)
    const token = crypto.randomBytes(16).toString('hex')
    this.uploads.set(token, { cloudPath, expires: now + UPLOAD_TTL_MS })
    const fileId = this.fileId(cloudPath)
    return {
      data: {
        url: `${this.deps.baseUrl()}/__upload/${token}`,
        token: 'local',
        authorization: 'local',
        fileId,
        cosFileId: 'local',
        download_url: '',
      },
    }
  }

  private downloadUrls(p: Params, now: number) {
    if (!Array.isArray(p.file_list)) throw invalid('file_list must be an array')
    const list = p.file_list.map((f: { fileid?: unknown; max_age?: unknown }) => {
      const fileID = String(f?.fileid ?? '')
      const cloudPath = this.cloudPath(fileID)
      if (!fs.existsSync(this.filePath(cloudPath))) {
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exist' }
      }
      const maxAge = Math.min(Number(f.max_age) > 0 ? Number(f.max_age) : 86_400, 86_400)
      const expires = now + maxAge * 1000
      // Left unencoded: the SDK applies encodeURI itself before downloading.
      const tempFileURL = `${this.deps.baseUrl()}/__files/${cloudPath}?t=${expires}&sign=${this.sign(cloudPath, expires)}`
      return { fileID, tempFileURL, code: 'SUCCESS', maxAge }
    })
    return { data: { download_list: list } }
  }

  private deleteFiles(p: Params) {
    if (!Array.isArray(p.fileid_list)) throw invalid('fileid_list must be an array')
    const list = p.fileid_list.map((id) => {
      const fileID = String(id)
      const file = this.filePath(this.cloudPath(fileID))
      if (!fs.existsSync(file)) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
      fs.rmSync(file)
      return { fileID, code: 'SUCCESS' }
    })
    return { data: { delete_list: list } }
  }

  // ---- functions ----------------------------------------------------------------------------

  private async invoke(p: Params, inv: Invocation | undefined, headers: Record<string, string | string[] | undefined>) {
    const name = String(p.function_name ?? '')
    let event: unknown = {}
    if (typeof p.request_data === 'string' && p.request_data !== '') {
      try {
        event = JSON.parse(p.request_data)
      } catch {
        throw invalid('request_data is not JSON')
      }
    }
    const source = String(headers['x-tcb-source'] ?? inv?.source ?? '')
    const r = await this.deps.callFunction(name, event, inv?.who ?? { openid: '' }, inv, source)
    if (r.error) throw new CloudError(r.error.code, r.error.message)
    return { data: { response_data: JSON.stringify(r.result) } }
  }

  // ---- openapi ------------------------------------------------------------------------------

  private openApi(p: Params, inv: Invocation | undefined): Answer {
    const api = String(p.apiName ?? '')
    // As in the cloud: only functions whose config.json lists the API may call it.
    if (!inv || !inv.permissions.includes(api)) return encodeCommOpenApiResp({ errorCode: -604101 })
    if (!EMULATED_OPENAPI.includes(api)) {
      console.warn(`[local cloud] ${inv.fn} called openapi.${api}, which is not emulated`)
      throw new CloudError(
        'LOCAL_CLOUD_NOT_EMULATED',
        `openapi.${api} is not emulated by the local cloud (only ${EMULATED_OPENAPI.join(', ')} are)`,
      )
    }
    if (!Buffer.isBuffer(p.requestData)) throw invalid('requestData must be a protobuf body')
    const params = decodeCommApiData(p.requestData).params
    const answer =
      api === 'ocr.idcard'
        ? readIdCard(this.imageAt(params.img_url))
        : api === 'phonenumber.getPhoneNumber'
          ? phoneNumber(params.code)
          : this.subscribeSend(params, inv)
    return encodeCommOpenApiResp({
      respData: Buffer.from(JSON.stringify(answer)),
      contentType: 'application/json; charset=utf-8',
      httpCode: 200,
    })
  }

  /** The bytes behind a temp URL this cloud handed out, as WeChat would download them for OCR. */
  private imageAt(url: unknown): Buffer | undefined {
    if (typeof url !== 'string') return undefined
    const prefix = `${this.deps.baseUrl()}/__files/`
    if (!url.startsWith(prefix)) return undefined
    const cloudPath = decodeURI(url.slice(prefix.length).split('?')[0])
    const file = this.filePath(cloudPath)
    return fs.existsSync(file) ? fs.readFileSync(file) : undefined
  }

  private subscribeSend(params: Record<string, unknown>, inv: Invocation): { errcode: number; errmsg: string } {
    const { touser, template_id: templateId, page, data, miniprogram_state: state } = params
    // An openid is letters, digits, - and _ (28 characters in the cloud; demo ones are shorter): anything
    // else, such as a placeholder of a record nobody claimed, is refused as the real service does.
    if (typeof touser !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(touser))
      return { errcode: 40003, errmsg: 'invalid openid' }
    if (typeof templateId !== 'string' || !templateId) return { errcode: 40037, errmsg: 'invalid template_id' }
    if (page !== undefined && typeof page !== 'string') return { errcode: 47003, errmsg: 'argument invalid! page' }
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state))) {
      return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state' }
    }
    const problem = checkTemplateData(data)
    if (problem) return { errcode: 47003, errmsg: `argument invalid! ${problem}` }
    const errcode = this.deps.refused.has(touser) ? 43101 : 0
    const msg: OutboxMessage = {
      touser,
      templateId,
      ...(page ? { page } : {}),
      data: data as OutboxMessage['data'],
      at: new Date(this.deps.store.now()).toISOString(),
      fn: inv.fn,
      errcode,
    }
    this.deps.store.appendLog('outbox', msg)
    this.deps.outbox.push(msg)
    return errcode ? { errcode, errmsg: 'user refuse to accept the msg' } : { errcode: 0, errmsg: 'ok' }
  }
}

/** Length rules of subscribe message keywords (WeChat's documented limits, by keyword type). */
const KEYWORD_LIMITS: [RegExp, number][] = [
  [/^thing\d+$/, 20],
  [/^phrase\d+$/, 5],
  [/^name\d+$/, 20],
  [/^number\d+$/, 32],
  [/^letter\d+$/, 32],
  [/^symbol\d+$/, 5],
  [/^character_string\d+$/, 32],
  [/^phone_number\d+$/, 17],
  [/^car_number\d+$/, 8],
]

function checkTemplateData(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'data'
  for (const [key, item] of Object.entries(data)) {
    const value = (item as { value?: unknown } | null)?.value
    if (typeof value !== 'string' || value === '') return `data.${key}.value is empty`
    const limit = KEYWORD_LIMITS.find(([re]) => re.test(key))?.[1]
    if (limit !== undefined && [...value].length > limit) return `data.${key}.value exceeds ${limit} characters`
  }
  return undefined
}
