import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FormField } from '../../../../components/FormField'
import { EmptyState, ErrorState, Loading, StaleNotice } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { busyProps } from '../../../../utils/flag'
import type { AttendeeLine, Group } from '../../checkin/attendance-view'
import { useAttendance } from './use-attendance'
import './index.scss'

const GROUPS: { value: Group; label: string }[] = [
  { value: 'in', label: '已签到' },
  { value: 'absent', label: '未签到' },
  { value: 'out', label: '已签退' },
]

function Person(props: { line: AttendeeLine; children?: ReactNode }) {
  const l = props.line
  return (
    <View className="attendance__person" data-testid={`person-${l.ticketId}`}>
      <View className="attendance__person-head">
        <Text className="attendance__name">{l.name}</Text>
        <Text className="attendance__phone">{l.phone}</Text>
      </View>
      <Text className="attendance__line">{l.times}</Text>
      {l.hours ? <Text className="attendance__line">{l.hours}</Text> : null}
      {props.children}
    </View>
  )
}

function Attendance({ activityId }: { activityId: string }) {
  const a = useAttendance(activityId)
  if (a.loading) return <Loading />
  if (!a.view) return <ErrorState message={a.error?.message ?? '加载失败'} onRetry={() => void a.reload()} />
  const v = a.view
  const list = v.groups[a.group]

  return (
    <View className="attendance">
      {a.error ? <StaleNotice message={a.error.message} onRetry={() => void a.reload()} /> : null}
      <View className="card">
        <Text className="attendance__title">{v.title}</Text>
        <Text className="attendance__line">{v.time}</Text>
        <View className="attendance__counts" data-testid="attendance-counts">
          {v.counts.map((c) => (
            <View className="attendance__count" key={c.key}>
              <Text className="attendance__count-value">{c.value}</Text>
              <Text className="attendance__count-label">{c.label}</Text>
            </View>
          ))}
        </View>
        <Text className="attendance__rule">服务时长计算规则：{v.hoursRule}</Text>
        <Text className="attendance__line">接受服务的群众人次：{v.peopleServed}</Text>
      </View>

      <View className="attendance__actions">
        <Button className="attendance__action" onClick={a.openScan} data-testid="go-scan">
          扫码签到
        </Button>
        <Button className="attendance__action" onClick={a.openReport} data-testid="go-report">
          活动总结
        </Button>
        <Button className="attendance__action" onClick={a.openPrint} data-testid="go-print">
          打印签到码
        </Button>
      </View>

      {a.notice ? (
        <Text className="attendance__notice" data-testid="attendance-notice">
          {a.notice}
        </Text>
      ) : null}
      {a.writeError && !a.makeup ? <Text className="attendance__error">{a.writeError}</Text> : null}

      <Text className="section-title">没有智能手机的志愿者：按姓名或手机尾号查找</Text>
      <View className="card">
        <Input
          className="attendance__input"
          value={a.query}
          placeholder="姓名或手机号后四位"
          onInput={(e) => a.setQuery(e.detail.value)}
          data-testid="find-person"
        />
        {a.query.trim() && a.found.length === 0 ? <Text className="attendance__line">没有找到报名的志愿者</Text> : null}
        {a.found.map((l) => (
          <Person key={l.ticketId} line={l}>
            {l.canCheckIn ? (
              <View className="attendance__row-actions">
                {!l.checkedIn ? (
                  <Button
                    className="attendance__small"
                    {...busyProps(a.busy)}
                    onClick={() => void a.byHand(l.ticketId, 'in')}
                    data-testid={`manual-in-${l.ticketId}`}
                  >
                    手动签到
                  </Button>
                ) : null}
                {l.checkedIn && !l.checkedOut ? (
                  <Button
                    className="attendance__small"
                    {...busyProps(a.busy)}
                    onClick={() => void a.byHand(l.ticketId, 'out')}
                    data-testid={`manual-out-${l.ticketId}`}
                  >
                    手动签退
                  </Button>
                ) : null}
              </View>
            ) : null}
          </Person>
        ))}
      </View>

      <View className="attendance__tabs" role="tablist">
        {GROUPS.map((g) => (
          <View
            key={g.value}
            role="tab"
            aria-selected={a.group === g.value}
            className={`attendance__tab${a.group === g.value ? ' attendance__tab--on' : ''}`}
            onClick={() => a.setGroup(g.value)}
            data-testid={`group-${g.value}`}
          >
            <Text>
              {g.label} {v.groups[g.value].length}
            </Text>
          </View>
        ))}
      </View>
      <View className="card" data-testid="attendee-list">
        {list.length === 0 ? (
          <EmptyState title="暂无" />
        ) : (
          list.map((l) => (
            <Person key={l.ticketId} line={l}>
              {l.makeups.map((m) => (
                <View className="attendance__makeup-line" key={m.id} data-testid={`makeup-line-${m.id}`}>
                  <Text className="attendance__line">{m.text}</Text>
                  {m.declined ? (
                    <Text className="attendance__declined">{m.declined}</Text>
                  ) : a.decline?.makeupId === m.id ? (
                    <View className="attendance__makeup" data-testid="decline-form">
                      <FormField label="撤销原因" required error={a.declineError ?? undefined}>
                        <Textarea
                          className="attendance__textarea"
                          value={a.decline.reason}
                          placeholder="例如：经核实当天未到场"
                          onInput={(e) => a.editDecline(e.detail.value)}
                          data-testid="decline-reason"
                        />
                      </FormField>
                      <View className="attendance__row-actions">
                        <Button className="attendance__small" onClick={a.cancelDecline}>
                          取消
                        </Button>
                        <Button
                          className="attendance__small"
                          type="warn"
                          {...busyProps(a.busy)}
                          onClick={() => void a.saveDecline()}
                          data-testid="decline-save"
                        >
                          撤销补录
                        </Button>
                      </View>
                    </View>
                  ) : (
                    <Button
                      className="attendance__small"
                      onClick={() => a.startDecline({ makeupId: m.id, name: l.name, text: m.text })}
                      data-testid={`decline-${m.id}`}
                    >
                      撤销补录
                    </Button>
                  )}
                </View>
              ))}
              {a.makeup?.ticketId === l.ticketId ? null : (
                <Button
                  className="attendance__small"
                  onClick={() => a.startMakeup(l.ticketId, l.name)}
                  data-testid={`makeup-${l.ticketId}`}
                >
                  补录时长
                </Button>
              )}
              {a.makeup?.ticketId === l.ticketId ? (
                <View className="attendance__makeup" data-testid="makeup-form">
                  <FormField label="补录时长（小时）" required hint="以 0.5 小时为单位，不超过活动时长">
                    <Input
                      type="digit"
                      className="attendance__input"
                      value={a.makeup.hours}
                      onInput={(e) => a.editMakeup({ hours: e.detail.value })}
                      data-testid="makeup-hours"
                    />
                  </FormField>
                  <FormField label="补录原因" required error={a.makeupError ?? undefined}>
                    <Textarea
                      className="attendance__textarea"
                      value={a.makeup.reason}
                      placeholder="例如：现场无信号未能签退，经负责人核实"
                      onInput={(e) => a.editMakeup({ reason: e.detail.value })}
                      data-testid="makeup-reason"
                    />
                  </FormField>
                  <View className="attendance__row-actions">
                    <Button className="attendance__small" onClick={a.cancelMakeup}>
                      取消
                    </Button>
                    <Button
                      className="attendance__small"
                      type="primary"
                      {...busyProps(a.busy)}
                      onClick={() => void a.saveMakeup()}
                      data-testid="makeup-save"
                    >
                      保存补录
                    </Button>
                  </View>
                </View>
              ) : null}
            </Person>
          ))
        )}
      </View>

      <View className="card">
        {v.confirmed ? (
          <Text className="attendance__line" data-testid="records-confirmed">
            服务记录已于 {v.confirmed} 确认
          </Text>
        ) : (
          <>
            <Text className="attendance__line">活动结束后 10 个工作日内核对并确认服务记录。</Text>
            <Button
              className="attendance__confirm"
              type="primary"
              {...busyProps(a.busy)}
              onClick={() => void a.confirmRecords()}
              data-testid="confirm-records"
            >
              确认服务记录
            </Button>
          </>
        )}
      </View>
    </View>
  )
}

export default function AttendancePage() {
  const id = useParam('id')
  if (!id) return <EmptyState title="未指定活动" hint="请从“我组织的活动”进入。" />
  return <Attendance activityId={id} />
}
