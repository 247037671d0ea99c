import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ScanInput, ScanOutcome, SyncResult } from '../../../../../types/api'
import { ErrorCode, type Result } from '../../../../../types/result'
import { useQuery } from '../../../../hooks/use-query'
import { appUrl } from '../../../../routes'
import { call } from '../../../../services/client'
import { network } from '../../../../services/network'
import { scanner } from '../../../../services/scanner'
import { checkedInCount, toScanChoices } from '../../checkin/choices'
import { admit, checkOffline, indexPack, type PackIndex } from '../../checkin/offline-check'
import { fromLocal, fromOutcome, unchecked, vibrationOf, type ScanView } from '../../checkin/scan-view'
import { deviceName, loadPack, newNonce, savePack, type PackState } from '../../checkin/storage'
import { uploadQueue } from '../../checkin/upload-queue'

export type Mode = 'in' | 'out'

/** A scan that has had no answer after this long is treated as offline (a village hall's weak signal). */
export const STALL_MS = 8000
/** While scans wait, try to upload them this often even if the phone reports no change of network. */
export const RETRY_MS = 30_000
/** The result stays on screen this long before the camera opens again. */
export const NEXT_SCAN_MS = 1500

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The answer, or 'stalled' when it takes longer than `ms`. */
function withStall<T>(p: Promise<T>, ms: number): Promise<T | 'stalled'> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve('stalled'), ms)
    void p.then((v) => {
      clearTimeout(t)
      resolve(v)
    })
  })
}

/** The lines of a sync's report: check-ins refused on upload, and tickets admitted on two phones. */
export function syncReport(outcomes: ScanOutcome[], conflicts: SyncResult['conflicts']): string[] {
  const lines = outcomes
    .filter((o) => o.result === 'refused')
    .map((o) => `${o.nameMasked ?? '一条离线扫码'}：${o.message}，未计入`)
  for (const c of conflicts) {
    lines.push(
      `${c.nameMasked} 在两部手机上签到：${c.first.device} 的记录有效，${c.second.device} 的记录未计入，请核对`,
    )
  }
  return lines
}

/**
 * The scan page: the activity being checked in, online scans through `checkin.scan`, offline scans
 * checked against the downloaded pack and queued, and the upload of the queue when the network is back.
 */
export function useScan(initialActivityId?: string) {
  const list = useQuery('activity.organized', { limit: 50 })
  const choices = useMemo(() => toScanChoices(list.data?.items ?? []), [list.data])
  const [chosen, setChosen] = useState<string | undefined>(initialActivityId)
  const [picking, setPicking] = useState(false)
  const activity = choices.find((c) => c.id === chosen) ?? choices[0]
  const activityId = activity?.id

  const [mode, setMode] = useState<Mode>('in')
  const [offline, setOfflineState] = useState(false)
  /** Why offline: the organizer chose it, or scans stalled / the network went away. */
  const [offlineReason, setOfflineReason] = useState<'manual' | 'auto' | null>(null)
  const [pack, setPack] = useState<PackState | null>(null)
  const [packBusy, setPackBusy] = useState(false)
  const [packError, setPackError] = useState<string | null>(null)
  const [pending, setPending] = useState(0)
  const [syncing, setSyncing] = useState(false)
  const [syncNote, setSyncNote] = useState<string | null>(null)
  const [reports, setReports] = useState<string[]>([])
  const [result, setResult] = useState<ScanView | null>(null)
  const [busy, setBusy] = useState(false)
  const [scanning, setScanning] = useState(false)
  const [text, setText] = useState('')

  const device = useRef<Promise<string> | null>(null)
  const getDevice = () => (device.current ??= deviceName())
  const index = useMemo<PackIndex | null>(() => (pack ? indexPack(pack.pack) : null), [pack])
  // The handlers below run across awaits; refs give them the latest state.
  const live = useRef({ activityId, mode, offline, pack, index })
  live.current = { activityId, mode, offline, pack, index }

  const goOffline = useCallback((reason: 'manual' | 'auto') => {
    setOfflineState(true)
    setOfflineReason(reason)
  }, [])
  const goOnline = useCallback(() => {
    setOfflineState(false)
    setOfflineReason(null)
  }, [])

  // --- the queue ---
  const refreshPending = useCallback(async () => setPending(await uploadQueue.count()), [])
  useEffect(() => {
    void refreshPending()
    return uploadQueue.subscribe(() => void refreshPending())
  }, [refreshPending])

  const sync = useCallback(async (fromTap = false) => {
    if ((await uploadQueue.count()) === 0) {
      if (fromTap) setSyncNote('没有待上传的扫码')
      return
    }
    setSyncing(true)
    try {
      const r = await uploadQueue.drain()
      const lines = syncReport(r.outcomes, r.conflicts)
      if (lines.length) setReports((old) => [...lines, ...old])
      if (r.error) {
        setSyncNote(r.error.code === ErrorCode.NETWORK ? `网络仍不可用，${r.left} 条扫码保存在手机上` : r.error.message)
      } else {
        setSyncNote(`已上传 ${r.sent} 条离线扫码`)
        // The cloud answered: scanning online works again (unless the organizer chose offline).
        setOfflineReason((why) => {
          if (why === 'auto') setOfflineState(false)
          return why === 'auto' ? null : why
        })
      }
    } catch (e) {
      console.warn('[checkin] sync failed', e instanceof Error ? e.message : e)
      setSyncNote('同步失败，扫码仍保存在手机上，请稍后重试')
    } finally {
      setSyncing(false)
    }
  }, [])

  // Upload when the network comes back, when the page opens, and every so often while scans wait.
  useEffect(() => {
    void sync()
    return network.onChange((online) => {
      if (online) void sync()
      else goOffline('auto')
    })
  }, [sync, goOffline])
  useEffect(() => {
    if (pending === 0) return
    const t = setInterval(() => void sync(), RETRY_MS)
    return () => clearInterval(t)
  }, [pending, sync])

  // --- the pack ---
  const downloadPack = useCallback(async (id: string) => {
    setPackBusy(true)
    setPackError(null)
    const r = await call('checkin.pack', { activityId: id })
    setPackBusy(false)
    if (!r.ok) {
      setPackError(r.code === ErrorCode.NETWORK ? '网络不可用，离线包未更新' : r.message)
      return
    }
    const kept = await loadPack(id)
    const next: PackState = { pack: r.data, admitted: kept?.admitted ?? {} }
    if (live.current.activityId === id) setPack(next)
    await savePack(next).catch((e: unknown) => {
      console.warn('[checkin] could not keep the pack', e instanceof Error ? e.message : e)
      setPackError('手机存储空间不足，离线包未能保存')
    })
  }, [])

  // On choosing an activity: show the pack kept on the phone at once, then fetch a fresh one.
  useEffect(() => {
    setPack(null)
    setResult(null)
    setPackError(null)
    if (!activityId) return
    let stale = false
    void loadPack(activityId).then((kept) => {
      if (stale) return
      setPack(kept)
      if (!live.current.offline) void downloadPack(activityId)
    })
    return () => {
      stale = true
    }
  }, [activityId, downloadPack])

  const remember = useCallback(async (tid: string, m: Mode, at: string) => {
    const cur = live.current.pack
    if (!cur) return
    const next = { ...cur, admitted: admit(cur.admitted, tid, m, at) }
    setPack(next)
    live.current.pack = next
    await savePack(next).catch(() => undefined)
  }, [])

  // --- one scan ---
  const offlineScan = useCallback(
    async (id: string, dev: string, scan: ScanInput): Promise<ScanView> => {
      const idx = live.current.index
      if (!idx) {
        await uploadQueue.add({ activityId: id, device: dev, scan })
        return unchecked(scan.at)
      }
      const v = checkOffline(idx, live.current.pack?.admitted ?? {}, scan.token, scan.mode)
      if (v.result === 'done') {
        await uploadQueue.add({ activityId: id, device: dev, scan })
        await remember(v.tid, scan.mode, scan.at)
      }
      return fromLocal(v, scan.mode, scan.at)
    },
    [remember],
  )

  const submit = useCallback(
    async (raw: string): Promise<ScanView | null> => {
      const { activityId: id, mode: m } = live.current
      const token = raw.trim()
      if (!id || !token) return null
      setBusy(true)
      const dev = await getDevice()
      const scan: ScanInput = { nonce: newNonce(), token, mode: m, at: new Date().toISOString() }
      let view: ScanView
      try {
        if (live.current.offline) {
          view = await offlineScan(id, dev, scan)
        } else {
          const r: Result<ScanOutcome> | 'stalled' = await withStall(
            call('checkin.scan', { activityId: id, device: dev, scan }),
            STALL_MS,
          )
          if (r === 'stalled' || (!r.ok && r.code === ErrorCode.NETWORK)) {
            // Same nonce offline: if the slow call did land, the upload later is answered as a replay.
            goOffline('auto')
            live.current.offline = true
            view = await offlineScan(id, dev, scan)
          } else if (!r.ok) {
            view = { tone: 'bad', title: r.message, lines: [], queued: false }
          } else {
            view = fromOutcome(r.data, m, scan.at)
            const tid = r.data.ticketId ? live.current.index?.byTicketId.get(r.data.ticketId)?.tid : undefined
            if (tid && r.data.result !== 'refused') await remember(tid, m, r.data.first?.at ?? scan.at)
          }
        }
      } catch (e) {
        console.warn('[checkin] scan failed', e instanceof Error ? e.message : e)
        view = { tone: 'bad', title: '扫码未能记录，请重试', lines: [], queued: false }
      }
      setResult(view)
      setBusy(false)
      scanner.vibrate(vibrationOf(view.tone))
      return view
    },
    [goOffline, offlineScan, remember],
  )

  // --- the camera, one scan after another until the organizer closes it ---
  const scanningRef = useRef(false)
  const scanLoop = useCallback(async () => {
    if (scanningRef.current) return
    scanningRef.current = true
    setScanning(true)
    try {
      while (scanningRef.current) {
        const r = await scanner.scan()
        if (!r.ok) {
          if (!r.cancelled) setResult({ tone: 'bad', title: r.message, lines: [], queued: false })
          break
        }
        await submit(r.text)
        await wait(NEXT_SCAN_MS)
      }
    } finally {
      scanningRef.current = false
      setScanning(false)
    }
  }, [submit])
  useDidShow(() => void refreshPending())
  useEffect(
    () => () => {
      scanningRef.current = false
    },
    [],
  )

  const submitText = useCallback(async () => {
    const v = await submit(text)
    if (v) setText('')
  }, [submit, text])

  return {
    loading: list.loading,
    error: list.error,
    reload: list.reload,
    choices,
    activity,
    picking,
    setPicking,
    choose: (id: string) => {
      setChosen(id)
      setPicking(false)
    },
    mode,
    setMode,
    offline,
    offlineReason,
    setOffline: (on: boolean) => {
      if (on) goOffline('manual')
      else {
        goOnline()
        void sync()
      }
    },
    pack: pack?.pack ?? null,
    packBusy,
    packError,
    updatePack: () => (activityId ? downloadPack(activityId) : Promise.resolve()),
    checkedIn: checkedInCount(pack),
    signedUp: activity?.signedUp ?? 0,
    pending,
    syncing,
    syncNote,
    sync: () => sync(true),
    reports,
    clearReports: () => setReports([]),
    result,
    busy,
    camera: scanner.camera,
    scanning,
    scan: scanLoop,
    text,
    setText,
    submitText,
    openAttendance: () => activityId && Taro.navigateTo({ url: appUrl.attendance(activityId) }),
  }
}
