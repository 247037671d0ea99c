import { Button, Text, View } from '@tarojs/components'
import { ErrorState, Loading } from '../../../../components/PageState'
import { useReviewDetail, type PiiField } from './use-review-detail'
import { flag } from '../../../../utils/flag'
import { ReasonForm } from './reason-form'
import './index.scss'

export default function ReviewDetailPage() {
  const r = useReviewDetail()
  const d = r.detail

  if (!d) {
    if (r.error && !r.loading) return <ErrorState message={r.error.message} onRetry={r.reload} />
    return <Loading />
  }

  const pii = (field: PiiField, label: string, value: string) => (
    <View className="detail__row" key={field}>
      <Text className="detail__label">{label}</Text>
      <View className="detail__pii">
        <Text className="detail__value" data-testid={`pii-${field}`}>
          {value}
        </Text>
        {r.revealed[field] ? null : (
          <Button
            className="detail__reveal"
            size="mini"
            loading={flag(r.busy === field)}
            disabled={flag(r.busy !== null)}
            onClick={() => r.reveal(field)}
            data-testid={`reveal-${field}`}
          >
            显示完整
          </Button>
        )}
      </View>
    </View>
  )

  return (
    <View className="detail">
      <View className="card">
        <View className="detail__head">
          <Text className="detail__name">{d.name}</Text>
          <Text className={`detail__status detail__status--${d.status}`} data-testid="status">
            {r.statusLabel}
          </Text>
          {d.resubmitted ? <Text className="detail__tag">重新提交</Text> : null}
        </View>
        {pii('idNumber', '身份证号', r.idNumber)}
        {pii('mobile', '手机号', r.mobile)}
        <Text className="detail__audit">
          为保护个人信息，号码默认部分隐藏；点“显示完整”查看，每次查看都会记录在审计日志中。
        </Text>
        {r.rows.map((row) => (
          <View className="detail__row" key={row.label}>
            <Text className="detail__label">{row.label}</Text>
            <Text className="detail__value">{row.value}</Text>
          </View>
        ))}
      </View>

      <Text className="section-title">审核记录</Text>
      <View className="card" data-testid="history">
        {r.history.length === 0 ? (
          <Text className="detail__muted">暂无记录</Text>
        ) : (
          r.history.map((h) => (
            <View className="detail__event" key={h.key}>
              <View className="detail__event-head">
                <Text>{h.title}</Text>
                <Text className="detail__muted">{h.at}</Text>
              </View>
              {h.reason ? <Text className="detail__reason">原因：{h.reason}</Text> : null}
            </View>
          ))
        )}
      </View>

      <View className="detail__actions">
        {r.done ? (
          <Text className="detail__done" data-testid="done">
            {r.done}
          </Text>
        ) : null}
        {r.actionError ? (
          <Text className="detail__error" data-testid="action-error">
            {r.actionError}
          </Text>
        ) : null}

        {d.status === 'pending' && !r.rejecting ? (
          <View className="detail__buttons">
            <Button
              className="detail__button"
              type="primary"
              loading={flag(r.busy === 'approve')}
              disabled={flag(r.busy !== null)}
              onClick={r.approve}
              data-testid="approve"
            >
              通过
            </Button>
            <Button
              className="detail__button"
              type="warn"
              disabled={flag(r.busy !== null)}
              onClick={r.startReject}
              data-testid="start-reject"
            >
              不通过
            </Button>
          </View>
        ) : null}

        {d.status === 'pending' && r.rejecting ? (
          <ReasonForm
            id="reject-form"
            label="不通过的原因（将通知志愿者，请写明需要修改的内容）"
            placeholder="如：单位名称不完整，请填写单位全称"
            value={r.reason}
            onInput={r.editReason}
            error={r.reasonError}
            testId="reason"
            confirmLabel="确认不通过"
            confirmTestId="confirm-reject"
            loading={r.busy === 'reject'}
            disabled={r.busy !== null}
            onConfirm={r.reject}
            onCancel={r.cancelReject}
          />
        ) : null}

        {d.status === 'approved' ? (
          <>
            <Text className="detail__muted">
              已通过审核，等待志愿者用激活码激活。志愿者激活码丢失、过期或输错被锁定时，可重新发放。
            </Text>
            <Button
              className="detail__button"
              loading={flag(r.busy === 'reissue')}
              disabled={flag(r.busy !== null)}
              onClick={r.reissue}
              data-testid="reissue"
            >
              重新发放激活码
            </Button>
          </>
        ) : null}

        {d.status !== 'pending' && d.status !== 'approved' ? (
          <Text className="detail__muted">该注册当前为“{r.statusLabel}”，无需审核。</Text>
        ) : null}

        {r.canVoid && !r.voiding ? (
          <Button
            className="detail__button detail__void"
            disabled={flag(r.busy !== null)}
            onClick={r.startVoid}
            data-testid="start-void"
          >
            作废注册
          </Button>
        ) : null}

        {r.canVoid && r.voiding ? (
          <ReasonForm
            id="void-form"
            label="作废用于不实的注册（如冒用他人身份证号）。请写明原因，将记入审核记录和审计日志。"
            placeholder="如：经本人申诉核实，该身份证号被他人冒用"
            value={r.voidReason}
            onInput={r.editVoidReason}
            error={r.voidError}
            testId="void-reason"
            confirmLabel="作废"
            confirmTestId="confirm-void"
            loading={r.busy === 'void'}
            disabled={r.busy !== null}
            onConfirm={r.voidRegistration}
            onCancel={r.cancelVoid}
          />
        ) : null}
      </View>
    </View>
  )
}
