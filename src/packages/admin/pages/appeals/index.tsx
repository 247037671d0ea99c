import { Button, Text, Textarea, View } from '@tarojs/components'
import type { AppealItem } from '../../../../../types/api'
import { ChoiceChips } from '../../../../components/ChoiceChips'
import { EmptyState, ErrorState, ListFooter, Loading, StaleNotice } from '../../../../components/PageState'
import { withScreen } from '../../../../components/Screen'
import { formatDateTime } from '../../../../utils/datetime'
import { flag } from '../../../../utils/flag'
import { OUTCOME_OPTIONS, useAppeals, type AppealsScreen } from './use-appeals'
import './index.scss'

/** The close form of one appeal: outcome, note, then a confirmation. */
function CloseForm({ a, s }: { a: AppealItem; s: AppealsScreen }) {
  return (
    <View className="appeals__form" data-testid={`close-form-${a.id}`}>
      <Text className="appeals__label">处理结果</Text>
      <ChoiceChips
        single
        options={OUTCOME_OPTIONS}
        selected={s.outcome ? [s.outcome] : []}
        onToggle={s.pickOutcome}
        testId="outcome"
      />
      {s.formErrors.outcome ? (
        <Text className="appeals__error" data-testid="outcome-error">
          {s.formErrors.outcome}
        </Text>
      ) : null}
      <Text className="appeals__label">处理说明（会告知申诉人）</Text>
      <Textarea
        className="appeals__textarea"
        placeholder="如：已电话联系本人，核实后作废了冒用的注册，请重新注册"
        maxlength={200}
        value={s.note}
        onInput={(e) => s.editNote(e.detail.value)}
        data-testid="close-note"
      />
      {s.formErrors.note ? (
        <Text className="appeals__error" data-testid="note-error">
          {s.formErrors.note}
        </Text>
      ) : null}
      <View className="appeals__buttons">
        <Button
          className="appeals__button"
          type="primary"
          loading={flag(s.busy?.id === a.id && s.busy.kind === 'close')}
          disabled={flag(s.busy !== null)}
          onClick={() => s.close(a)}
          data-testid="confirm-close"
        >
          关闭申诉
        </Button>
        <Button className="appeals__button" disabled={flag(s.busy !== null)} onClick={s.cancelClose}>
          取消
        </Button>
      </View>
    </View>
  )
}

/**
 * One open 申诉: someone says the ID number a record holds is theirs. The administrator calls them
 * back (full mobile behind an audited reveal), opens that record and, if it is false, 作废 it; then
 * closes the appeal with its outcome.
 */
function Appeal({ a, s }: { a: AppealItem; s: AppealsScreen }) {
  const full = s.revealed[a.id]
  const error = s.errors[a.id]
  return (
    <View className="card appeals__item" data-testid={`appeal-${a.id}`}>
      <View className="appeals__head">
        <Text className="appeals__name">{a.name}</Text>
        <Text className="appeals__at">{formatDateTime(a.at)}</Text>
      </View>
      <Text className="appeals__line">身份证号 {a.idNumberMasked}</Text>
      <View className="appeals__pii">
        <Text className="appeals__line" data-testid={`mobile-${a.id}`}>
          手机号 {full ?? a.mobileMasked}
        </Text>
        {full ? null : (
          <Button
            className="appeals__reveal"
            size="mini"
            loading={flag(s.busy?.id === a.id && s.busy.kind === 'reveal')}
            disabled={flag(s.busy !== null)}
            onClick={() => s.reveal(a)}
            data-testid={`reveal-${a.id}`}
          >
            显示完整
          </Button>
        )}
      </View>
      <Text className="appeals__note">说明：{a.note}</Text>
      {error ? (
        <Text className="appeals__error" data-testid={`error-${a.id}`}>
          {error}
        </Text>
      ) : null}
      {a.volunteerId ? (
        <Button className="appeals__open" onClick={() => s.openRecord(a.volunteerId!)} data-testid={`open-${a.id}`}>
          查看占用该身份证号的注册
        </Button>
      ) : (
        <Text className="appeals__line">该身份证号目前没有注册，本人可以直接注册。</Text>
      )}
      {s.closing === a.id ? (
        <CloseForm a={a} s={s} />
      ) : (
        <Button
          className="appeals__open"
          disabled={flag(s.busy !== null)}
          onClick={() => s.startClose(a)}
          data-testid={`close-${a.id}`}
        >
          处理完毕，关闭申诉
        </Button>
      )}
    </View>
  )
}

function AppealsPage() {
  const s = useAppeals()

  if (s.loading || (s.error && s.items.length === 0)) {
    if (s.error && !s.loading) return <ErrorState message={s.error.message} onRetry={s.refresh} />
    return <Loading />
  }
  return (
    <View className="appeals">
      {s.error ? <StaleNotice message={s.error.message} onRetry={s.refresh} /> : null}
      {s.done ? (
        <Text className="appeals__done" data-testid="done">
          {s.done}
        </Text>
      ) : null}
      {s.items.length === 0 ? (
        <EmptyState title="没有待处理的申诉" hint="有人申诉身份证号被他人注册时，会列在这里。" />
      ) : (
        <>
          <Text className="section-title">
            最新的在前。请先联系申诉人核实；如注册不实，打开该注册并“作废”，身份证号即可由本人使用，再关闭申诉。
          </Text>
          <Text className="appeals__audit">
            为保护个人信息，手机号默认部分隐藏；点“显示完整”查看，每次查看都会记录在审计日志中。
          </Text>
          {s.items.map((a) => (
            <Appeal key={a.id} a={a} s={s} />
          ))}
          <ListFooter
            loadingMore={s.loadingMore}
            moreError={s.moreError}
            hasMore={s.hasMore}
            onRetry={s.loadMore}
            endText="没有更多了"
          />
        </>
      )}
    </View>
  )
}

export default withScreen(AppealsPage)
