import { useState } from 'react'
import type { IdCardReading } from '../../../../../types/api'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/client'
import { files } from '../../../../services/files'
import { phoneCheck, type PhoneCodeOutcome } from '../../../../services/phone-check'

export type QuickSource = 'idCard' | 'phone'

/** What the last quick fill did, next to its button: a reminder to check, or why to type instead. */
export interface QuickNote {
  source: QuickSource
  ok: boolean
  text: string
}

/**
 * 拍照识别身份证 and the WeChat phone-number check. Each only ever fills fields: a cancel, a refusal
 * or a failure leaves whatever was typed and says to type instead.
 */
export function useQuickFill(fill: { idCard: (r: IdCardReading) => void; mobile: (m: string) => void }) {
  // The folder is asked for with the form, so the photo picker opens straight from the tap (the
  // browser's file dialog needs the tap's activation).
  const folder = useQuery('volunteer.idCardFolder', {})
  const [busy, setBusy] = useState<QuickSource | null>(null)
  const [note, setNote] = useState<QuickNote | undefined>()

  const fail = (source: QuickSource, text: string) => setNote({ source, ok: false, text })

  async function readIdCard() {
    if (busy) return
    setBusy('idCard')
    setNote(undefined)
    try {
      let dir = folder.data?.cloudDir
      if (!dir) {
        const f = await call('volunteer.idCardFolder', {})
        if (!f.ok) return fail('idCard', f.message)
        dir = f.data.cloudDir
      }
      const picked = await files.pickPhotos(dir, 1)
      if (!picked.ok) return picked.cancelled ? undefined : fail('idCard', picked.message)
      const r = await call('volunteer.readIdCard', { fileID: picked.data[0].fileID })
      if (!r.ok) return fail('idCard', r.message)
      fill.idCard(r.data)
      setNote({ source: 'idCard', ok: true, text: '已填入姓名和身份证号，请核对' })
    } finally {
      setBusy(null)
    }
  }

  async function exchangePhone(outcome: PhoneCodeOutcome) {
    if (!outcome.ok) return fail('phone', outcome.message)
    setBusy('phone')
    setNote(undefined)
    const r = await call('volunteer.phoneNumber', { code: outcome.code })
    setBusy(null)
    if (!r.ok) return fail('phone', r.message)
    fill.mobile(r.data.mobile)
    setNote({ source: 'phone', ok: true, text: '已填入微信绑定的手机号' })
  }

  return {
    busy,
    note,
    readIdCard,
    phone: {
      available: phoneCheck.available,
      openType: phoneCheck.openType,
      /** WeChat's button event. */
      onEvent: (detail: { code?: string; errMsg?: string }) => void exchangePhone(phoneCheck.fromEvent(detail)),
      /** A plain tap, where there is no WeChat button. */
      onTap: async () => {
        if (busy) return
        await exchangePhone(await phoneCheck.request())
      },
    },
  }
}
