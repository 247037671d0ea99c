import { Button, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { EmptyState, ErrorState, Loading, StaleNotice } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { busyProps } from '../../../../utils/flag'
import { useActivityDetail } from './use-activity-detail'
import { ForFamily } from './for-family'
import './index.scss'
import { withScreen } from '../../../../components/Screen'

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className="detail__row" data-testid={testId}>
      <Text className="detail__label">{label}</Text>
      <View className="detail__value">{children}</View>
    </View>
  )
}

function Detail({ id }: { id: string }) {
  const a = useActivityDetail(id)
  const { view: v, button } = a

  if (!v || !button) {
    if (a.error && !a.loading) return <ErrorState message={a.error.message} onRetry={() => void a.reload()} />
    return <Loading />
  }

  return (
    <View className="detail">
      {a.error ? <StaleNotice message={a.error.message} onRetry={() => void a.reload()} /> : null}

      <View className="card">
        <View className="detail__head">
          <Text className="detail__title">{v.title}</Text>
          <Text className={`detail__status detail__status--${v.status}`}>{v.statusLabel}</Text>
        </View>
        <View className="detail__tags">
          <Text className="detail__tag detail__tag--type">{v.typeLabel}</Text>
          {v.focusTags.map((f) => (
            <Text className="detail__tag" key={f}>
              {f}
            </Text>
          ))}
        </View>
        {v.cancelReason ? (
          <Text className="detail__cancelled" data-testid="cancel-reason">
            活动已取消：{v.cancelReason}
          </Text>
        ) : null}
      </View>

      <View className="card">
        <Row label="时间">{v.time}</Row>
        <Row label="报名截止">{v.deadline}</Row>
        <Row label="地点" testId="venue">
          <Text>
            {v.address}（{v.venue}）
          </Text>
          {a.showMap ? (
            <Text className="detail__link" data-testid="open-map" onClick={a.showMap}>
              查看地图
            </Text>
          ) : null}
        </Row>
        <Row label="组织队伍">{v.teamName}</Row>
        <Row label="联系人" testId="contact">
          <Text>{v.contactName}</Text>
          <Text className="detail__link" data-testid="call" onClick={a.call}>
            拨打 {v.contactPhone}
          </Text>
        </Row>
        <Row label="名额" testId="seats">
          {v.seats}
        </Row>
        <Row label="报名范围">{v.audience}</Row>
        {v.theme ? <Row label="主题">{v.theme}</Row> : null}
        {v.beneficiaries ? <Row label="服务对象">{v.beneficiaries}</Row> : null}
        {v.insured ? (
          <Row label="保险" testId="insured">
            已为参加的志愿者购买意外保险
          </Row>
        ) : null}
      </View>

      {v.description ? (
        <>
          <Text className="section-title">活动内容</Text>
          <View className="card">
            <Text className="detail__description">{v.description}</Text>
          </View>
        </>
      ) : null}

      {a.result ? (
        <View className="card detail__result" data-testid="signup-result">
          <Text className="detail__result-title">{a.result.status === 'waitlisted' ? '已进入候补' : '报名成功'}</Text>
          <Text className="detail__hint">
            {a.result.status === 'waitlisted'
              ? '有人取消报名时按顺序转为报名成功，并通知你。'
              : '活动当天请向组织者出示签到码。签到码也在“我的 → 我的活动”中。'}
          </Text>
        </View>
      ) : null}

      <View className="card detail__action">
        {v.mine ? (
          <View className="detail__mine" data-testid="mine">
            <Text>我的报名：{v.mine.status}</Text>
            {v.mine.notes.map((n) => (
              <Text className="detail__note" key={n}>
                {n}
              </Text>
            ))}
          </View>
        ) : null}
        {v.mine?.canShowCode ? (
          <Button className="detail__code" onClick={() => a.showTicket(v.mine!.ticketId)} data-testid="show-ticket">
            查看签到码
          </Button>
        ) : null}
        {button.enabled ? (
          <Button
            className={`detail__button detail__button--${button.kind}`}
            type={button.kind === 'cancel' || button.kind === 'absent' ? 'default' : 'primary'}
            {...busyProps(a.busy)}
            onClick={a.act}
            data-testid="signup-button"
          >
            {button.label}
          </Button>
        ) : (
          <Text className="detail__state" data-testid="signup-state">
            {button.label}
          </Text>
        )}
        {button.hint ? <Text className="detail__hint">{button.hint}</Text> : null}
        {a.actionError ? (
          <Text className="detail__error" data-testid="action-error">
            {a.actionError}
          </Text>
        ) : null}

        {a.absent.open ? (
          <View className="detail__absent" data-testid="absent-form">
            <Text className="detail__label">无法参加的原因（组织者会看到）</Text>
            <Textarea
              className="detail__reason"
              placeholder="如：临时生病，不能到场"
              maxlength={100}
              value={a.absent.reason}
              onInput={(e) => a.absent.setReason(e.detail.value)}
              data-testid="absent-reason"
            />
            {a.absent.error ? (
              <Text className="detail__error" data-testid="absent-error">
                {a.absent.error}
              </Text>
            ) : null}
            <View className="detail__absent-actions">
              <Button className="detail__secondary" onClick={a.absent.close}>
                返回
              </Button>
              <Button className="detail__secondary" type="primary" {...busyProps(a.busy)} onClick={a.absent.send}>
                告知组织者
              </Button>
            </View>
          </View>
        ) : null}
      </View>

      {a.familyOpen ? <ForFamily activityId={id} title={v.title} onDone={a.reloadDetail} /> : null}
    </View>
  )
}

function ActivityDetailPage() {
  const id = useParam('id')
  if (!id) return <EmptyState title="未指定活动" hint="请从“活动”列表进入。" />
  return <Detail id={id} />
}

export default withScreen(ActivityDetailPage)
