/**
 * Quick fill for the registration form: the front of an ID card read from a photo, and the mobile
 * WeChat has verified. Both only answer the caller, store nothing, and every refusal leaves typing.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/img-ocr/ocr/idCardOCR.html
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
 */
import type { IdCardReading } from '../../../types/api'
import { parseIdCard } from '../../../types/idcard'
import type { Caller } from '../context'
import { AppError } from '../errors'

/** wx-server-sdk camel-cases the answer (`errCode`, `phoneInfo`); a failure may also be thrown. */
export interface OpenApiAnswer {
  errCode?: number
  errMsg?: string
  [key: string]: unknown
}

export interface QuickFillPlatform {
  tempUrl(fileID: string): Promise<string>
  remove(fileIDs: string[]): Promise<void>
  ocrIdCard(imgUrl: string): Promise<OpenApiAnswer>
  phoneNumber(code: string): Promise<OpenApiAnswer>
}

/** Where the app uploads an ID card photo: `idcard/<the caller's openid>/<name>`. */
export const ID_CARD_DIR = 'idcard'

const unreadable = () => new AppError('ID_CARD_UNREADABLE', '没能识别这张身份证照片，请对准身份证正面重拍，或直接填写')
const badCode = () => new AppError('PHONE_CODE_INVALID', '没能获取微信绑定的手机号，请再试一次或直接填写', 'code')

async function answer(call: () => Promise<OpenApiAnswer>): Promise<OpenApiAnswer> {
  try {
    return await call()
  } catch (e) {
    const err = e as { errCode?: number; errMsg?: string }
    if (typeof err?.errCode === 'number') return { errCode: err.errCode, errMsg: err.errMsg }
    throw e
  }
}

export function quickFillService(p: QuickFillPlatform) {
  return {
    async idCardFolder(caller: Caller): Promise<{ cloudDir: string }> {
      return { cloudDir: `${ID_CARD_DIR}/${caller.openid}` }
    },

    async readIdCard(caller: Caller, data: { fileID: string }): Promise<IdCardReading> {
      // Only a photo the caller uploaded into their own folder: a fileID is not a secret, and this
      // action reads and then deletes the file.
      const own = `/${ID_CARD_DIR}/${caller.openid}/`
      const at = data.fileID.indexOf(own)
      if (at < 0 || data.fileID.slice(at + own.length).includes('/') || data.fileID.includes('..'))
        throw new AppError('FORBIDDEN', '只能识别本人刚上传的身份证照片', 'fileID')
      let res: OpenApiAnswer
      try {
        res = await answer(async () => p.ocrIdCard(await p.tempUrl(data.fileID)))
      } finally {
        // The photo is personal information: gone as soon as it is read, whatever the outcome.
        await p.remove([data.fileID]).catch(() => undefined)
      }
      if (res.errCode) {
        console.warn(`[quickfill] ocr.idcard refused: ${res.errCode}`)
        throw unreadable()
      }
      const idNumber = String(res.id ?? '').toUpperCase()
      const facts = parseIdCard(idNumber)
      if (res.type !== 'Front' || !facts) throw unreadable()
      return { name: String(res.name ?? '').trim(), idNumber, gender: facts.gender }
    },

    async phoneNumber(_caller: Caller, data: { code: string }): Promise<{ mobile: string }> {
      const res = await answer(() => p.phoneNumber(data.code))
      if (res.errCode) {
        console.warn(`[quickfill] phonenumber.getPhoneNumber refused: ${res.errCode}`)
        throw badCode()
      }
      const info = (res.phoneInfo ?? {}) as { purePhoneNumber?: string; countryCode?: string | number }
      const mobile = String(info.purePhoneNumber ?? '')
      // The corps contacts people by mainland mobile; anything else is typed.
      if (String(info.countryCode ?? '86') !== '86' || !/^1\d{10}$/.test(mobile)) throw badCode()
      return { mobile }
    },
  }
}
