import Taro from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ActivityEditView, RoleGrant, TeamRef } from '../../../../../types/api'
import { activitySchemas } from '../../../../../types/schemas/activity'
import { validate } from '../../../../../types/schemas'
import type { Err } from '../../../../../types/result'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { appUrl } from '../../../../routes'
import { call } from '../../../../services/client'
import { location } from '../../../../services/location'
import { check, emptyForm, fieldErrors, fromInput, isField, type Field, type FieldErrors, type FormState } from './form'
import { DANGER } from '../../../../styles/colors'

export type EditTarget = { mode: 'new' } | { mode: 'edit'; id: string } | { mode: 'copy'; fromId: string }

const draftKey = (t: EditTarget) =>
  `activity-draft:${t.mode === 'edit' ? t.id : t.mode === 'copy' ? `copy-${t.fromId}` : 'new'}`

/** Teams the caller may organize for: those where they are organizer or admin (owners pick any). */
export function organizerTeams(roles: RoleGrant[]): TeamRef[] {
  const teams = new Map<string, TeamRef>()
  for (const g of roles) if (g.role === 'organizer' || g.role === 'admin') teams.set(g.team.id, g.team)
  return [...teams.values()]
}

const CANCEL_CONFIRM = (title: string) => ({
  title: '取消活动',
  content: `确定取消“${title}”吗？取消原因会通知每一位已报名的志愿者，取消后不能恢复。`,
  confirmText: '取消活动',
  confirmColor: DANGER,
  cancelText: '不取消',
})

/**
 * 发布新活动, edit `id`, or 复制为新活动 from `fromId` (the copy keeps every field as it was and is
 * saved as a new draft). What is typed is kept in storage until saved, so leaving the page loses nothing.
 */
export function useActivityEdit(target: EditTarget) {
  const me = useQuery('volunteer.me', {})
  const sourceId = target.mode === 'edit' ? target.id : target.mode === 'copy' ? target.fromId : undefined
  const [source, setSource] = useState<ActivityEditView | undefined>()
  const [loadError, setLoadError] = useState<Err | undefined>()
  const [form, setForm] = useState<FormState | undefined>()
  /** The form as loaded or last saved, to tell a restored draft from the saved state. */
  const base = useRef<FormState | undefined>()
  const [restored, setRestored] = useState(false)
  const [saved, setSaved] = useState<ActivityEditView | undefined>()
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [cancelReason, setCancelReason] = useState('')
  const [cancelError, setCancelError] = useState<string | undefined>()
  const { busy, error, setError, submit } = useSubmit()
  const key = draftKey(target)

  async function loadSource() {
    if (!sourceId) return
    setLoadError(undefined)
    const r = await call('activity.forEdit', { activityId: sourceId })
    if (r.ok) setSource(r.data)
    else setLoadError(r)
  }
  useEffect(() => {
    void loadSource()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceId])

  const teams = me.data ? organizerTeams(me.data.roles) : []
  const isOwner = me.data?.roles.some((g) => g.role === 'owner') ?? false

  // Fill the form once: from the activity (edit, copy) or empty with the only team; then a kept draft.
  useEffect(() => {
    if (form || !me.data || (sourceId && !source)) return
    const start = source ? fromInput(source.input) : emptyForm(teams.length === 1 && !isOwner ? teams[0].id : '')
    base.current = start
    setForm(start)
    void Taro.getStorage<FormState>({ key })
      .then(({ data }) => {
        if (data && JSON.stringify(data) !== JSON.stringify(start)) {
          setForm(data)
          setRestored(true)
        }
      })
      .catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me.data, source, form])

  useEffect(() => {
    if (!form || !base.current) return
    if (JSON.stringify(form) === JSON.stringify(base.current)) void Taro.removeStorage({ key }).catch(() => undefined)
    else void Taro.setStorage({ key, data: form }).catch(() => undefined)
  }, [form, key])

  const computed = useMemo(() => (form ? fieldErrors(form) : {}), [form])
  const errors: FieldErrors = { ...(submitted ? computed : {}), ...serverErrors }

  function set<K extends keyof FormState>(k: K, value: FormState[K], ...fields: Field[]) {
    setForm((f) => (f ? { ...f, [k]: value } : f))
    if (fields.length) {
      setServerErrors((e) => {
        const next = { ...e }
        for (const field of fields) delete next[field]
        return next
      })
    }
  }

  /** The current activity: the one saved on this visit, else the one loaded for editing. */
  const current = saved ?? (target.mode === 'edit' ? source : undefined)

  function refuse(r: Err) {
    const field = r.field?.replace(/^input\./, '')
    // INVALID_INPUT names the field; so may a rule about one (CAPACITY_TOO_LOW on input.capacity).
    if (isField(field)) setServerErrors((e) => ({ ...e, [field]: r.message }))
    void Taro.showToast({ title: r.message, icon: 'none', duration: 3000 })
  }

  /** Checks every field, shows every message, and saves; the saved view, or undefined. */
  async function save(): Promise<ActivityEditView | undefined> {
    if (!form || busy) return
    setSubmitted(true)
    setServerErrors({})
    const all = fieldErrors(form)
    const first = Object.values(all)[0]
    const checked = check(form)
    if (first || !checked.ok) {
      void Taro.showToast({ title: `有 ${Object.keys(all).length || 1} 项需要修改`, icon: 'none' })
      return
    }
    const r = await submit('activity.save', {
      ...(current ? { id: current.id, rev: current.rev } : {}),
      input: checked.value,
    })
    if (!r) return
    if (!r.ok) {
      refuse(r)
      return
    }
    setSaved(r.data)
    base.current = form
    void Taro.removeStorage({ key }).catch(() => undefined)
    setRestored(false)
    return r.data
  }

  async function saveDraft() {
    const s = await save()
    if (s) void Taro.showToast({ title: s.stage === 'draft' ? '已保存草稿' : '已保存', icon: 'success' })
  }

  async function publish() {
    const s = await save()
    if (!s) return
    const r = await submit('activity.publish', { activityId: s.id, rev: s.rev })
    if (!r) return
    if (!r.ok) {
      refuse(r)
      return
    }
    setSaved(r.data)
    void Taro.showToast({ title: '已发布', icon: 'success' })
    void Taro.navigateBack()
  }

  async function cancelActivity() {
    if (!current || busy) return
    const checked = validate(activitySchemas['activity.cancel'], {
      activityId: current.id,
      // Blank is "not filled in" (请填写…), not "too short".
      reason: cancelReason.trim() ? cancelReason : undefined,
    })
    if (!checked.ok) {
      setCancelError(checked.message)
      return
    }
    setCancelError(undefined)
    const { confirm } = await Taro.showModal(CANCEL_CONFIRM(current.input.title))
    if (!confirm) return
    const r = await submit('activity.cancel', checked.value)
    if (!r) return
    if (!r.ok) {
      refuse(r)
      return
    }
    setSaved(r.data)
    void Taro.showToast({ title: '活动已取消', icon: 'success' })
  }

  function discardDraft() {
    if (!base.current) return
    setForm(base.current)
    setRestored(false)
  }

  return {
    loading: me.loading || (Boolean(sourceId) && !source && !loadError),
    loadError: loadError ?? (me.data ? undefined : me.error),
    reload: () => Promise.all([loadSource(), me.reload()]),
    form,
    set,
    errors,
    /** The server's refusal not tied to a field (CONFLICT, NOT_IN_SCOPE, a network failure). */
    formError: error && !isField(error.field?.replace(/^input\./, '')) ? error.message : undefined,
    clearError: () => setError(undefined),
    busy,
    restored,
    discardDraft,
    teams,
    isOwner,
    current,
    stage: current?.stage,
    counts: current ? { signedUp: current.signedUp, waiting: current.waiting } : undefined,
    saveDraft,
    publish,
    copy: () => current && Taro.navigateTo({ url: appUrl.copyActivity(current.id) }),
    cancel: { reason: cancelReason, setReason: setCancelReason, error: cancelError, send: cancelActivity },
    canPickPoint: location.available,
    pickPoint: async () => {
      const p = await location.choose()
      if (!p) return
      set('location', { latitude: p.latitude, longitude: p.longitude }, 'location')
      if (form && !form.address.trim()) set('address', p.address || p.name, 'address')
    },
  }
}
