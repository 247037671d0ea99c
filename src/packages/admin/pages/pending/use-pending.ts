import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { PendingActivationItem } from '../../../../../types/api'
import { usePagedQuery } from '../../../../hooks/use-paged-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { formatDateTime } from '../../../../utils/datetime'
import { adminUrl } from '../../routes'

const PAGE_SIZE = 20

export interface PendingRow {
  id: string
  name: string
  teamName: string
  /** 集体注册 (not claimed yet) or 本人注册. */
  origin: string
  /** When the code went out and how old it is, or that none is valid. */
  codeState: string
  expired: boolean
  locked: boolean
}

export function toPendingRow(i: PendingActivationItem): PendingRow {
  const age =
    i.issuedAt === null || i.codeAgeDays === null
      ? '尚无有效激活码'
      : `激活码发放于 ${formatDateTime(i.issuedAt)}（${i.codeAgeDays === 0 ? '今天' : `${i.codeAgeDays} 天前`}）`
  return {
    id: i.volunteerId,
    name: i.name,
    teamName: i.team.name,
    origin: i.imported ? '集体注册，尚未认领' : '本人注册',
    codeState: age,
    expired: i.expired,
    locked: i.locked,
  }
}

/** A code shown to the administrator once (unclaimed 集体注册 records have no one to send it to). */
export interface ShownCode {
  name: string
  code: string
  days: number
}

export function usePending() {
  const list = usePagedQuery('admin.pendingActivation', { limit: PAGE_SIZE })
  const { busy, error, submit } = useSubmit()
  const [reissuing, setReissuing] = useState<string | null>(null)
  const [shown, setShown] = useState<ShownCode | undefined>()

  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const rows = list.items.map(toPendingRow)

  async function reissue(row: PendingRow) {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '重发激活码',
      content: `为${row.name}重发激活码？原激活码立即失效，错误次数清零。本人注册的会收到微信消息；集体注册尚未认领的，新激活码只在本页显示一次，请转交本人。`,
      confirmText: '重发',
      cancelText: '取消',
    })
    if (!confirm) return
    setShown(undefined)
    setReissuing(row.id)
    const r = await submit('admin.reissueCode', { volunteerId: row.id })
    setReissuing(null)
    if (!r?.ok) return
    if (r.data.code) setShown({ name: row.name, code: r.data.code, days: r.data.days })
    else void Taro.showToast({ title: '已重发，激活码已发给本人', icon: 'none', duration: 2500 })
    await list.refresh()
  }

  return {
    ...list,
    rows,
    reissuing,
    actionError: error?.message,
    shown,
    reissue,
    /** The code leaves the screen for good: it is stored only as a hash. */
    hideCode: () => setShown(undefined),
    open: (id: string) => Taro.navigateTo({ url: adminUrl.reviewDetail(id) }),
  }
}
