import Taro from '@tarojs/taro'
import { useState } from 'react'
import { schemas, validate } from '../../../../../types/schemas'
import { useSubmit } from '../../../../hooks/use-submit'
import { appUrl } from '../../../../routes'
import { DRAFT_KEY } from '../register/use-register'

export type AppealField = 'name' | 'idNumber' | 'mobile' | 'note'
export type AppealForm = Record<AppealField, string>

const FIELDS: AppealField[] = ['name', 'idNumber', 'mobile', 'note']

/**
 * The registration form keeps its draft on the phone: the name, ID number and mobile just refused
 * as taken start the appeal, so nothing is typed twice. Never passed in the URL (personal numbers).
 */
function fromDraft(): AppealForm {
  const empty: AppealForm = { name: '', idNumber: '', mobile: '', note: '' }
  try {
    const d: unknown = Taro.getStorageSync(DRAFT_KEY)
    if (!d || typeof d !== 'object') return empty
    const pick = (k: string) => {
      const x = (d as Record<string, unknown>)[k]
      return typeof x === 'string' ? x : ''
    }
    return { ...empty, name: pick('name'), idNumber: pick('idNumber'), mobile: pick('mobile') }
  } catch {
    return empty
  }
}

/** Every field's message at once, from the very schema the function applies. */
export function appealErrors(f: AppealForm): Partial<Record<AppealField, string>> {
  const shape = schemas['volunteer.appeal'] as unknown as { entries: Record<AppealField, never> }
  const errors: Partial<Record<AppealField, string>> = {}
  for (const k of FIELDS) {
    const r = validate(shape.entries[k], f[k])
    if (!r.ok) errors[k] = r.message
  }
  return errors
}

export function useAppeal() {
  const [form, setForm] = useState<AppealForm>(fromDraft)
  const [checked, setChecked] = useState(false)
  const [sent, setSent] = useState(false)
  const { busy, error, submit } = useSubmit()

  const all = appealErrors(form)
  const errors = checked ? all : {}
  if (error?.field && FIELDS.includes(error.field as AppealField)) errors[error.field as AppealField] = error.message

  async function send() {
    setChecked(true)
    const r = validate(schemas['volunteer.appeal'], form)
    if (!r.ok) return
    const answer = await submit('volunteer.appeal', r.value)
    if (answer?.ok) setSent(true)
  }

  return {
    form,
    errors,
    formError: error && !(error.field && FIELDS.includes(error.field as AppealField)) ? error.message : undefined,
    busy,
    sent,
    edit: (k: AppealField, value: string) => setForm((f) => ({ ...f, [k]: value })),
    send,
    backToMe: () => Taro.switchTab({ url: appUrl.me() }),
  }
}
