import { Button, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading, StaleNotice } from '../../components/PageState'
import { useMe, type Entry } from './use-me'
import { flag } from '../../utils/flag'
import { useElderMode } from '../../services/elder-mode'
import './index.scss'
import { withScreen } from '../../components/Screen'
import { Invitations } from './invitations'
import { Elders } from './elders'

function MePage() {
  const {
    loading,
    error,
    screen,
    reload,
    leaving,
    actionError,
    leave,
    go,
    answering,
    invitationError,
    answerInvitation,
    activating,
    stepError,
    primary,
  } = useMe()
  const [elder, setElder] = useElderMode()

  if (!screen) {
    if (error && !loading) return <ErrorState message={error.message} onRetry={reload} />
    return <Loading />
  }

  return (
    <View className="me">
      {error ? <StaleNotice message={error.message} onRetry={reload} /> : null}

      {/* Staff see their work first; their own volunteer card follows. */}
      <Entries title="我的工作" entries={screen.entries} testPrefix="entry" go={go} />
      <Entries title="我的队伍与角色" entries={screen.teams} testPrefix="team-entry" go={go} />
      {screen.staff ? <Text className="section-title">我的志愿者身份</Text> : null}

      <View className="card me__status">
        <View className="me__status-row">
          <Text className="me__status-title">志愿者状态</Text>
          <Text className={`me__badge me__badge--${screen.status}`} data-testid="status">
            {screen.statusLabel}
          </Text>
        </View>
        <Text className="me__hint" data-testid="status-hint">
          {screen.statusHint}
        </Text>
        {screen.primary ? (
          <Button
            className="me__primary"
            type="primary"
            loading={flag(activating)}
            disabled={flag(activating)}
            data-testid={`step-${screen.primary.key}`}
            onClick={() => void primary()}
          >
            {screen.primary.label}
          </Button>
        ) : null}
        {screen.primary && stepError ? (
          <Text className="me__leave-error" data-testid="step-error">
            {stepError}
          </Text>
        ) : null}
        {screen.secondary.map((s) => (
          <Text className="me__secondary" key={s.key} data-testid={`step-${s.key}`} onClick={() => go(s.url)}>
            {s.label}
          </Text>
        ))}
      </View>

      <Invitations
        invitations={screen.invitations}
        answering={answering}
        error={invitationError}
        onAnswer={(teamId, accept) => void answerInvitation(teamId, accept)}
      />

      <Elders />

      {screen.showHours ? (
        <View className="card me__hours">
          <Text className="me__hours-label">服务时长</Text>
          <Text className="me__hours-value" data-testid="hours">
            {screen.serviceHours}
          </Text>
        </View>
      ) : null}

      <View
        className="card me__elder"
        role="switch"
        aria-checked={elder}
        data-testid="elder-switch"
        onClick={() => setElder(!elder)}
      >
        <View className="me__elder-text">
          <Text className="me__elder-title">长辈模式</Text>
          <Text className="me__elder-hint">字更大、按钮更大、颜色更清楚</Text>
        </View>
        <Text className={`me__elder-state${elder ? ' me__elder-state--on' : ''}`}>{elder ? '已开启' : '已关闭'}</Text>
      </View>

      {screen.profile.length ? (
        <>
          <Text className="section-title">注册信息</Text>
          <View className="card" data-testid="profile">
            {screen.profile.map((row) => (
              <View className="me__row" key={row.label}>
                <Text className="me__row-label">{row.label}</Text>
                <Text className="me__row-value">{row.value}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}

      <Entries title="志愿服务" entries={screen.service} testPrefix="entry" go={go} />

      {screen.notices.length ? (
        <>
          <Text className="section-title">消息通知</Text>
          <View className="card" data-testid="notices">
            {screen.notices.map((n) => (
              <View className="me__notice" key={n.id}>
                <View className="me__notice-head">
                  <Text className="me__notice-title">{n.title}</Text>
                  <Text className="me__notice-at">{n.at}</Text>
                </View>
                <Text className="me__notice-body">{n.body}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}

      {screen.registered ? null : (
        <EmptyState title="还没有服务记录" hint="注册并激活后，报名的活动和服务时长会显示在这里。" />
      )}

      {screen.canLeave ? (
        <View className="me__leave">
          {actionError ? (
            <Text className="me__leave-error" data-testid="action-error">
              {actionError}
            </Text>
          ) : null}
          <Button
            className="me__leave-button"
            size="mini"
            disabled={flag(leaving)}
            loading={flag(leaving)}
            onClick={leave}
          >
            退出科技志愿者队伍
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Entries(props: { title: string; entries: Entry[]; testPrefix: string; go: (url: string) => void }) {
  if (props.entries.length === 0) return null
  return (
    <>
      <Text className="section-title">{props.title}</Text>
      <View className="card me__entries">
        {props.entries.map((e) => (
          <Button
            className="me__entry"
            key={e.key}
            data-testid={`${props.testPrefix}-${e.key}`}
            onClick={() => props.go(e.url)}
          >
            <View className="me__entry-head">
              <Text className="me__entry-title">{e.title}</Text>
              {e.badge ? (
                <Text className="me__entry-badge" data-testid={`${props.testPrefix}-${e.key}-badge`}>
                  {e.badge}
                </Text>
              ) : null}
            </View>
            <Text className="me__entry-hint">{e.hint}</Text>
          </Button>
        ))}
      </View>
    </>
  )
}

export default withScreen(MePage)
