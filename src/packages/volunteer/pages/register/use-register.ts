import Taro from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { MeView } from '../../../../../types/api'
import type { Registration } from '../../../../../types/registration'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/client'
import { requestSubscribe } from '../../../../services/subscribe'
import {
  check,
  emptyForm,
  fieldErrors,
  idFacts,
  isField,
  prefill,
  type Field,
  type FieldErrors,
  type FormState,
} from './form'

export type Mode = 'register' | 'update'

const ME_URL = '/pages/me/index'

/** Registered, not departed: the form edits the existing record instead of creating one. */
export const modeOf = (me: MeView): Mode =>
  me.status === 'unregistered' || me.status === 'left' ? 'register' : 'update'

/** Element id of a field's block, for scrolling to it. */
export const fieldId = (f: Field) => `field-${f.replace('.', '-')}`

export function useRegister() {
  const me = useQuery('volunteer.me', {})
  const tree = useQuery('team.tree', {})
  const [form, setForm] = useState<FormState>(emptyForm)
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | undefined>()
  const [alreadyRegistered, setAlreadyRegistered] = useState(false)
  const [busy, setBusy] = useState(false)
  const prefilled = useRef(false)

  const view = me.data
  const mode: Mode = view ? modeOf(view) : 'register'

  // Fill the form once from the server; later reloads (the page shown again after the user went to
  // copy a number) must not wipe what they typed.
  useEffect(() => {
    if (!view || prefilled.current) return
    prefilled.current = true
    if (modeOf(view) === 'update' && view.profile) setForm(prefill(view.profile, view.team))
  }, [view])

  const computed = useMemo(() => fieldErrors(form), [form])
  const errors: FieldErrors = {}
  for (const [f, message] of Object.entries(computed) as [Field, string][]) {
    if (submitted || touched.has(f)) errors[f] = message
  }
  Object.assign(errors, serverErrors)

  function touch(...fields: Field[]) {
    setTouched((t) => new Set([...t, ...fields]))
  }

  /** Changes a value; a server complaint about those fields no longer applies. */
  function set<K extends keyof FormState>(key: K, value: FormState[K], ...fields: Field[]) {
    setForm((f) => ({ ...f, [key]: value }))
    setServerErrors((e) => {
      const next = { ...e }
      for (const f of fields) delete next[f]
      return next
    })
  }

  function showAt(field: Field | undefined, message: string) {
    void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
    if (field) void Taro.pageScrollTo({ selector: `#${fieldId(field)}`, duration: 300 })
  }

  async function send(payload: Registration, asked: Promise<unknown>) {
    setBusy(true)
    setFormError(undefined)
    // The subscription prompt never blocks: whatever the user answered, the registration goes on.
    await asked
    const r = await call(mode === 'register' ? 'volunteer.register' : 'volunteer.update', payload)
    setBusy(false)
    if (r.ok) {
      const title = r.data.status === 'pending' ? '已提交，等待审核' : '已保存'
      void Taro.showToast({ title, icon: 'none', duration: 2000 })
      void Taro.switchTab({ url: ME_URL })
      return
    }
    if (r.code === 'ALREADY_REGISTERED') setAlreadyRegistered(true)
    if (isField(r.field)) {
      const field = r.field
      setServerErrors((e) => ({ ...e, [field]: r.message }))
    } else {
      setFormError(r.message)
    }
    showAt(isField(r.field) ? r.field : undefined, r.message)
  }

  /** The 提交 tap. Checks first, then asks for the subscription inside the tap, then sends. */
  function submit() {
    if (busy || !view) return
    setSubmitted(true)
    const checked = check(form)
    if (!checked.ok) {
      showAt(isField(checked.field) ? checked.field : undefined, checked.message)
      return
    }
    // Must start synchronously in the tap handler, before any await: WeChat only prompts then.
    const asked = requestSubscribe(view.subscribeTemplateIds)
    void send(checked.value, asked)
  }

  return {
    loading: me.loading,
    error: me.error,
    reload: me.reload,
    view,
    mode,
    form,
    errors,
    facts: idFacts(form.idNumber),
    formError,
    alreadyRegistered,
    busy,
    teams: { data: tree.data, loading: tree.loading, error: tree.error?.message, reload: tree.reload },
    set,
    touch,
    submit,
    backToMe: () => Taro.switchTab({ url: ME_URL }),
  }
}
