import { useMemo, useState } from 'react'
import type * as v from 'valibot'
import type { ProxyReceipt } from '../../../../../types/api'
import type { ProxyRelation } from '../../../../../types/enums'
import { proxyConsentStatement, proxyRegistrationSchema } from '../../../../../types/proxy'
import { validate } from '../../../../../types/schemas'
import { useSubmit } from '../../../../hooks/use-submit'
import { emptyForm, fieldErrors, missingSummary, toInput, type FieldErrors, type FormState } from '../register/form'

/** The helper's part (代为注册): how related, the elder's name typed into the statement, and its tick. */
export interface ProxyState {
  relation: ProxyRelation | ''
  elderName: string
  consent: boolean
}

export type ProxyField = keyof ProxyState
const PROXY_LABELS: Record<ProxyField, string> = { relation: '关系', elderName: '声明中的姓名', consent: '同意声明' }

/** The payload as the contract has it, still unchecked: the elder's consent is the one the helper confirms. */
export function toProxyInput(form: FormState, proxy: ProxyState) {
  return {
    registration: toInput({ ...form, consent: proxy.consent }),
    proxy: { relation: proxy.relation, elderName: proxy.elderName, consent: proxy.consent },
  }
}

/** The proxy block's messages, from the same schema the function applies. */
export function proxyErrors(form: FormState, proxy: ProxyState): Partial<Record<ProxyField, string>> {
  const errors: Partial<Record<ProxyField, string>> = {}
  const entries = proxyRegistrationSchema.entries.proxy.entries as Record<ProxyField, v.GenericSchema>
  for (const f of ['relation', 'elderName', 'consent'] as const) {
    const r = validate(entries[f], proxy[f])
    if (!r.ok) errors[f] = r.message
    else if (f === 'elderName' && proxy.elderName.trim() !== form.name.trim())
      errors.elderName = '同意声明中的姓名须与被注册人的姓名一致'
  }
  return errors
}

/** The statement as it will be stored, once the relation and a name are there to fill it. */
export const statementOf = (proxy: ProxyState, name: string) =>
  proxy.relation && name.trim() ? proxyConsentStatement(name.trim(), proxy.relation) : null

export function useRegisterFor() {
  const [form, setForm] = useState<FormState>(emptyForm)
  const [proxy, setProxy] = useState<ProxyState>({ relation: '', elderName: '', consent: false })
  const [submitted, setSubmitted] = useState(false)
  const [receipt, setReceipt] = useState<ProxyReceipt | null>(null)
  const { busy, error, submit: send } = useSubmit()

  // The elder's consent is the helper's statement, asked for below, and this form has no guardian
  // field (a minor's number is refused by the whole check below): neither is a field error here.
  const formErrors: FieldErrors = useMemo(() => {
    const { guardianConsent: _none, ...rest } = fieldErrors({ ...form, consent: true })
    return rest
  }, [form])
  const whole = useMemo(() => validate(proxyRegistrationSchema, toProxyInput(form, proxy)), [form, proxy])
  const helperErrors = useMemo(() => proxyErrors(form, proxy), [form, proxy])
  const shown = submitted ? { form: formErrors, proxy: helperErrors } : { form: {}, proxy: {} }

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const setHelper = <K extends ProxyField>(key: K, value: ProxyState[K]) => setProxy((p) => ({ ...p, [key]: value }))

  const missing = () => {
    const fromForm =
      missingSummary(formErrors)
        ?.replace(/^请完善：/, '')
        .split('、') ?? []
    const fromProxy = (Object.keys(helperErrors) as ProxyField[]).map((f) => PROXY_LABELS[f])
    const all = [...fromForm, ...fromProxy]
    return all.length ? `请完善：${all.join('、')}` : undefined
  }

  async function submit() {
    setSubmitted(true)
    if (!whole.ok) return
    const r = await send('volunteer.registerFor', whole.value)
    if (r?.ok) setReceipt(r.data)
  }

  return {
    form,
    proxy,
    set,
    setHelper,
    errors: shown.form,
    proxyErrors: shown.proxy,
    statement: statementOf(proxy, form.name),
    formError: error?.message ?? (submitted ? (missing() ?? (whole.ok ? undefined : whole.message)) : undefined),
    busy,
    submit,
    receipt,
  }
}
