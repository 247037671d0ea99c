import { Button, Input, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { busyProps } from '../../../../utils/flag'
import { clock } from '../../checkin/scan-view'
import { useScan, type Mode } from './use-scan'
import './index.scss'

const MODES: { value: Mode; label: string }[] = [
  { value: 'in', label: '签到' },
  { value: 'out', label: '签退' },
]

export default function ScanPage() {
  const s = useScan(useParam('id'))

  if (s.loading) return <Loading />
  if (s.error && !s.activity) return <ErrorState message={s.error.message} onRetry={() => void s.reload()} />
  if (!s.activity)
    return (
      <EmptyState
        title="没有可签到的活动"
        hint="已发布、未取消、尚未结束（或结束不满 3 天）的本队伍活动会出现在这里。"
      />
    )

  const a = s.activity
  const verb = s.mode === 'in' ? '签到' : '签退'
  return (
    <View className="scan">
      <View className="card scan__activity">
        <View className="scan__activity-text">
          <Text className="scan__title" data-testid="scan-activity">
            {a.title}
          </Text>
          <Text className="scan__line">
            {a.today ? '今天 · ' : ''}
            {a.time}
          </Text>
        </View>
        {s.choices.length > 1 ? (
          <Button className="scan__small-button" data-testid="pick-activity" onClick={() => s.setPicking(!s.picking)}>
            {s.picking ? '收起' : '更换活动'}
          </Button>
        ) : null}
      </View>
      {s.picking ? (
        <View className="card scan__choices" data-testid="activity-choices">
          {s.choices.map((c) => (
            <View
              key={c.id}
              className={`scan__choice${c.id === a.id ? ' scan__choice--on' : ''}`}
              onClick={() => s.choose(c.id)}
              data-testid={`choice-${c.id}`}
            >
              <Text className="scan__choice-title">{c.title}</Text>
              <Text className="scan__line">{c.time}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="scan__modes" role="tablist">
        {MODES.map((m) => (
          <View
            key={m.value}
            role="tab"
            aria-selected={s.mode === m.value}
            className={`scan__mode${s.mode === m.value ? ' scan__mode--on' : ''}`}
            data-testid={`mode-${m.value}`}
            onClick={() => s.setMode(m.value)}
          >
            <Text>{m.label}</Text>
          </View>
        ))}
      </View>

      <View className="scan__count" data-testid="scan-count">
        <Text>
          已签到 {s.checkedIn ?? '—'} / 已报名 {s.signedUp}
        </Text>
      </View>

      <View
        className={`scan__result scan__result--${s.result?.tone ?? 'idle'}`}
        data-testid="scan-result"
        aria-live="assertive"
      >
        {s.result ? (
          <>
            <Text className="scan__result-title" data-testid="scan-result-title">
              {s.result.title}
            </Text>
            {s.result.lines.map((l) => (
              <Text className="scan__result-line" key={l}>
                {l}
              </Text>
            ))}
          </>
        ) : (
          <Text className="scan__result-line">
            {s.camera ? `点击下方按钮开始扫码${verb}，可连续扫描` : `输入或粘贴志愿者的签到码文本后点“确定”`}
          </Text>
        )}
      </View>

      {s.camera ? (
        <Button
          className="scan__go"
          type="primary"
          data-testid="scan-button"
          {...busyProps(s.scanning)}
          onClick={() => void s.scan()}
        >
          {s.scanning ? '扫码中…' : `扫码${verb}`}
        </Button>
      ) : null}

      <View className="card scan__manual">
        <Text className="scan__label">{s.camera ? '扫码不便时输入签到码文本' : '签到码文本'}</Text>
        <Input
          className="scan__input"
          value={s.text}
          placeholder="KP 开头的签到码"
          confirmType="done"
          onInput={(e) => s.setText(e.detail.value)}
          onConfirm={() => void s.submitText()}
          data-testid="scan-text"
        />
        <Button
          className="scan__submit"
          data-testid="scan-submit"
          {...busyProps(s.busy)}
          disabled={s.busy || !s.text.trim() ? true : undefined}
          onClick={() => void s.submitText()}
        >
          确定{verb}
        </Button>
      </View>

      <View className="card scan__status">
        <View className="scan__status-row">
          <Text className={`scan__badge scan__badge--${s.offline ? 'offline' : 'online'}`} data-testid="network-mode">
            {s.offline ? '离线模式' : '在线'}
          </Text>
          <Button className="scan__small-button" data-testid="toggle-offline" onClick={() => s.setOffline(!s.offline)}>
            {s.offline ? '恢复在线' : '切换为离线'}
          </Button>
        </View>
        {s.offline && s.offlineReason === 'auto' ? (
          <Text className="scan__note">网络不好，已自动切换为离线：扫码在本机核验并保存，联网后自动上传。</Text>
        ) : null}
        <View className="scan__status-row">
          <Text className="scan__line" data-testid="pending">
            待上传 {s.pending} 条
          </Text>
          <Button
            className="scan__small-button"
            data-testid="sync"
            {...busyProps(s.syncing)}
            onClick={() => void s.sync()}
          >
            同步
          </Button>
        </View>
        {s.syncNote ? (
          <Text className="scan__note" data-testid="sync-note">
            {s.syncNote}
          </Text>
        ) : null}
        <View className="scan__status-row">
          <Text className="scan__line" data-testid="pack-status">
            {s.pack
              ? `离线包：${s.pack.tickets.length} 人，${clock(s.pack.takenAt)} 更新`
              : '尚未下载离线包（无网络时用它核验签到码）'}
          </Text>
          <Button
            className="scan__small-button"
            data-testid="update-pack"
            {...busyProps(s.packBusy)}
            onClick={() => void s.updatePack()}
          >
            {s.pack ? '更新' : '下载'}
          </Button>
        </View>
        {s.packError ? <Text className="scan__error">{s.packError}</Text> : null}
      </View>

      {s.reports.length ? (
        <View className="card scan__reports" data-testid="sync-reports">
          <Text className="scan__label">上传时发现的问题</Text>
          {s.reports.map((r, i) => (
            <Text className="scan__report" key={`${i}-${r}`}>
              {r}
            </Text>
          ))}
          <Button className="scan__small-button" onClick={s.clearReports}>
            知道了
          </Button>
        </View>
      ) : null}

      <Button className="scan__link" data-testid="open-attendance" onClick={() => void s.openAttendance()}>
        签到情况 · 手动签到 · 活动总结
      </Button>
    </View>
  )
}
