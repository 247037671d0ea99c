import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { activationCodeSchema, registrationSchema } from '../../../../../types/registration'
import { validate } from '../../../../../types/schemas'
import { call } from '../../../../services/client'

/** activate: the caller's own approved registration; claim: a record their team registered (集体注册). */
export type ActivateMode = 'activate' | 'claim'

type Field = 'idNumber' | 'code'
const ME_URL = '/pages/me/index'

export function useActivate() {
  const params = useRouter().params
  const mode: ActivateMode = params.mode === 'claim' ? 'claim' : 'activate'
  const [idNumber, setIdNumber] = useState('')
  // Opened from the review-result message (or 我的), the code comes filled in: one tap activates.
  const [code, setCode] = useState(() => (/^\d{6}$/.test(params.code ?? '') ? (params.code as string) : ''))
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  /** Why no code can work any more (locked, expired): entering stops and the admin must re-issue. */
  const [blocked, setBlocked] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  function edit(field: Field, value: string) {
    if (field === 'code') setCode(value)
    else setIdNumber(value)
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  async function submit() {
    if (busy) return
    const c = validate(activationCodeSchema, code)
    const id = mode === 'claim' ? validate(registrationSchema.entries.idNumber, idNumber) : undefined
    const found: Partial<Record<Field, string>> = {}
    if (id && !id.ok) found.idNumber = id.message
    if (!c.ok) found.code = c.message
    setErrors(found)
    setFormError(undefined)
    if (!c.ok || (id && !id.ok)) return

    setBusy(true)
    const r =
      id?.ok === true
        ? await call('volunteer.claim', { idNumber: id.value, code: c.value })
        : await call('volunteer.activate', { code: c.value })
    setBusy(false)
    if (r.ok) {
      if (r.data.status === 'active') {
        void Taro.showToast({ title: '激活成功', icon: 'success' })
        void Taro.switchTab({ url: ME_URL })
      } else {
        setFormError('暂时无法激活，请返回“我的”查看当前状态。')
      }
      return
    }
    switch (r.code) {
      case 'CODE_LOCKED':
      case 'CODE_EXPIRED':
        setBlocked(r.message)
        return
      case 'CODE_INVALID':
        // The server says how many tries are left (or, when claiming, that the pair does not match).
        setErrors({ code: r.message })
        return
      default:
        if (r.field === 'code' || r.field === 'idNumber') setErrors({ [r.field]: r.message })
        else setFormError(r.message)
    }
  }

  return {
    mode,
    idNumber,
    code,
    errors,
    blocked,
    formError,
    busy,
    edit,
    submit,
    backToMe: () => Taro.switchTab({ url: ME_URL }),
  }
}
