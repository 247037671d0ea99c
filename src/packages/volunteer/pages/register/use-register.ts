import Taro from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { MeView } from '../../../../../types/api'
import type { Registration } from '../../../../../types/registration'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/client'
import { requestSubscribe } from '../../../../services/subscribe'
import { guardLeave } from '../../../../services/leave-guard'
import { appUrl } from '../../../../routes'
import { useQuickFill } from './use-quick-fill'
import { useSuggestedTeam } from './use-suggested-team'
import {
  check,
  emptyForm,
  fieldErrors,
  idFacts,
  isField,
  missingSummary,
  prefill,
  type Field,
  type FieldErrors,
  type FormState,
} from './form'

export type Mode = 'register' | 'update'

const ME_URL = '/pages/me/index'

/** The half-filled form, kept on the phone so a back tap, a call or a killed app loses nothing. */
export const DRAFT_KEY = 'register-draft'
/**
 * The ID number and mobile of the last submission, kept on the owner's own phone only: the server
 * shows them masked, and a resubmission after a rejection should not make anyone type them again.
 */
export const KEPT_KEY = 'register-kept'

interface Kept {
  idNumber: string
  mobile: string
}

function readStored<T>(key: string): T | undefined {
  try {
    const v: unknown = Taro.getStorageSync(key)
    return v && typeof v === 'object' ? (v as T) : undefined
  } catch {
    return undefined
  }
}

const LEAVE_MESSAGE = '已填写的内容会保存在本机，下次打开可继续填写。确定离开吗？'

/** Registered, not departed: the form edits the existing record instead of creating one. */
export const modeOf = (me: MeView): Mode =>
  me.status === 'unregistered' || me.status === 'left' ? 'register' : 'update'

/** Element id of a field's block, for scrolling to it. */
export const fieldId = (f: Field) => `field-${f.replace('.', '-')}`

export function useRegister() {
  const me = useQuery('volunteer.me', {})
  const [form, setForm] = useState<FormState>(emptyForm)
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | undefined>()
  const [alreadyRegistered, setAlreadyRegistered] = useState(false)
  const [busy, setBusy] = useState(false)
  /** The ID number was refused as taken: offer 申诉 until it is changed. */
  const [idTaken, setIdTaken] = useState(false)
  const prefilled = useRef(false)

  const view = me.data
  const mode: Mode = view ? modeOf(view) : 'register'

  // Fill the form once from the server; later reloads (the page shown again after the user went to
  // copy a number) must not wipe what they typed.
  useEffect(() => {
    if (!view || prefilled.current) return
    prefilled.current = true
    let start = modeOf(view) === 'update' && view.profile ? prefill(view.profile, view.team) : emptyForm
    const kept = readStored<Kept>(KEPT_KEY)
    if (kept && modeOf(view) === 'update')
      start = { ...start, idNumber: kept.idNumber, mobile: kept.mobile, consent: true }
    const draft = readStored<Partial<FormState>>(DRAFT_KEY)
    if (draft) start = { ...start, ...draft }
    setForm(start)
  }, [view])

  // Every change goes to the draft; leaving with a draft asks first.
  const dirty = prefilled.current && form !== emptyForm
  useEffect(() => {
    if (!dirty) return
    try {
      Taro.setStorageSync(DRAFT_KEY, form)
    } catch {
      // Storage full: the form still works, only the draft is lost.
    }
    guardLeave(LEAVE_MESSAGE)
  }, [form, dirty])
  useEffect(() => () => guardLeave(null), [])

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
    if (key === 'idNumber') setIdTaken(false)
    setServerErrors((e) => {
      const next = { ...e }
      for (const f of fields) delete next[f]
      return next
    })
  }

  const quick = useQuickFill({
    idCard: (r) => {
      set('name', r.name, 'name')
      set('idNumber', r.idNumber, 'idNumber')
      touch('name', 'idNumber')
    },
    mobile: (m) => {
      set('mobile', m, 'mobile')
      touch('mobile')
    },
  })
  const facts = idFacts(form.idNumber)
  const suggested = useSuggestedTeam(facts ? form.idNumber : '')
  const suggestion = facts ? suggested : null

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
      guardLeave(null)
      try {
        Taro.removeStorageSync(DRAFT_KEY)
        Taro.setStorageSync(KEPT_KEY, { idNumber: payload.idNumber, mobile: payload.mobile })
      } catch {
        // Nothing to keep: the next edit asks for the numbers again.
      }
      const title = r.data.status === 'pending' ? '已提交，等待审核' : '已保存'
      void Taro.showToast({ title, icon: 'none', duration: 2000 })
      void Taro.switchTab({ url: ME_URL })
      return
    }
    if (r.code === 'ALREADY_REGISTERED') setAlreadyRegistered(true)
    if (r.code === 'ID_NUMBER_TAKEN') setIdTaken(true)
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
      // Name every field still missing at once, and go to the first.
      const all = fieldErrors(form)
      const first = isField(checked.field) ? (checked.field === 'gender' ? 'idNumber' : checked.field) : undefined
      const summary = missingSummary(all)
      setFormError(summary)
      showAt(first, summary ?? checked.message)
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
    facts,
    quick,
    /** The county team of the ID number's area code, while another (or none) is chosen. */
    suggestion: suggestion && suggestion.id !== form.teamId ? suggestion : null,
    /** The chosen team's name when the picker did not choose it (a saved registration, the suggestion). */
    chosenTeamName:
      view?.team?.id === form.teamId ? view.team.name : suggestion?.id === form.teamId ? suggestion.name : undefined,
    acceptSuggestion: () => {
      if (!suggestion) return
      set('teamId', suggestion.id, 'teamId')
      touch('teamId')
    },
    formError,
    alreadyRegistered,
    idTaken,
    openAppeal: () => Taro.navigateTo({ url: appUrl.appeal() }),
    busy,
    set,
    touch,
    submit,
    backToMe: () => Taro.switchTab({ url: ME_URL }),
  }
}
