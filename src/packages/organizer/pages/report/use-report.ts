import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { MAX_PHOTOS } from '../../../../../types/schemas/checkin'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { files } from '../../../../services/files'
import { draftFrom, toReport, type ReportDraft, type ReportErrors } from '../../checkin/report-form'

const draftKey = (activityId: string) => `report-draft:${activityId}`

/** 活动总结: people served and the highlight write-up; what is typed is kept on the phone until saved. */
export function useReport(activityId: string) {
  const q = useQuery('checkin.attendance', { activityId })
  const [draft, setDraft] = useState<ReportDraft | null>(null)
  const [errors, setErrors] = useState<ReportErrors>({})
  const [uploading, setUploading] = useState(0)
  const [photoError, setPhotoError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const write = useSubmit()
  const edited = useRef(false)

  // The form starts from unsaved edits kept on the phone, else from what the server has.
  useEffect(() => {
    if (!q.data || draft) return
    const fromServer = draftFrom(q.data)
    void Taro.getStorage<ReportDraft>({ key: draftKey(activityId) })
      .then((r) => setDraft(r.data && typeof r.data.peopleServed === 'string' ? r.data : fromServer))
      .catch(() => setDraft(fromServer))
  }, [q.data, draft, activityId])

  useEffect(() => {
    if (!draft || !edited.current) return
    void Taro.setStorage({ key: draftKey(activityId), data: draft }).catch(() => undefined)
  }, [draft, activityId])

  const edit = (patch: Partial<ReportDraft>) => {
    edited.current = true
    setSaved(false)
    setDraft((d) => (d ? { ...d, ...patch } : d))
  }

  async function addPhotos() {
    if (!draft) return
    setPhotoError(null)
    const room = MAX_PHOTOS - draft.photos.length
    if (room <= 0) return
    const r = await files.pickPhotos(`highlights/${activityId}`, room, (n) => setUploading(n))
    setUploading(0)
    if (!r.ok) {
      if (!r.cancelled) setPhotoError(r.message)
      return
    }
    edited.current = true
    setSaved(false)
    setDraft((d) => (d ? { ...d, photos: [...d.photos, ...r.data].slice(0, MAX_PHOTOS) } : d))
  }

  async function save() {
    if (!draft) return
    const r = toReport(draft)
    if (!r.ok) {
      setErrors(r.errors)
      return
    }
    setErrors({})
    const res = await write.submit('checkin.saveReport', {
      activityId,
      peopleServed: r.peopleServed,
      highlight: r.highlight,
    })
    if (res?.ok) {
      edited.current = false
      await Taro.removeStorage({ key: draftKey(activityId) }).catch(() => undefined)
      setSaved(true)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    }
  }

  return {
    loading: q.loading || (q.data !== undefined && draft === null),
    error: q.error,
    reload: q.reload,
    title: q.data?.title ?? '',
    checkedIn: q.data?.counts.checkedIn ?? 0,
    draft,
    edit,
    errors,
    saveError: write.error?.message ?? null,
    saving: write.busy,
    saved,
    uploading,
    photoError,
    canAddPhoto: (draft?.photos.length ?? 0) < MAX_PHOTOS,
    addPhotos,
    removePhoto: (fileID: string) => draft && edit({ photos: draft.photos.filter((p) => p.fileID !== fileID) }),
    save,
  }
}
