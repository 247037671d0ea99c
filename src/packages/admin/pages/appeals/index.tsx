import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { AppealItem } from '../../../../../types/api'
import { EmptyState, ErrorState, Loading, StaleNotice } from '../../../../components/PageState'
import { withScreen } from '../../../../components/Screen'
import { useQuery } from '../../../../hooks/use-query'
import { formatDateTime } from '../../../../utils/datetime'
import { adminUrl } from '../../routes'
import './index.scss'

/**
 * Open 申诉 about registrations in the caller's scope: someone says the ID number a record holds is
 * theirs. The administrator opens that record and, if it is false, 作废 it (which frees the number).
 */
function Appeal({ a }: { a: AppealItem }) {
  return (
    <View className="card appeals__item" data-testid={`appeal-${a.id}`}>
      <View className="appeals__head">
        <Text className="appeals__name">{a.name}</Text>
        <Text className="appeals__at">{formatDateTime(a.at)}</Text>
      </View>
      <Text className="appeals__line">身份证号 {a.idNumberMasked}</Text>
      <Text className="appeals__line">手机号 {a.mobileMasked}</Text>
      <Text className="appeals__note">说明：{a.note}</Text>
      {a.volunteerId ? (
        <Button
          className="appeals__open"
          onClick={() => void Taro.navigateTo({ url: adminUrl.reviewDetail(a.volunteerId!) })}
          data-testid={`open-${a.id}`}
        >
          查看占用该身份证号的注册
        </Button>
      ) : (
        <Text className="appeals__line">该身份证号目前没有注册，本人可以直接注册。</Text>
      )}
    </View>
  )
}

function AppealsPage() {
  const q = useQuery('admin.appeals', {})
  usePullDownRefresh(async () => {
    await q.reload()
    Taro.stopPullDownRefresh()
  })

  if (!q.data) {
    if (q.error && !q.loading) return <ErrorState message={q.error.message} onRetry={q.reload} />
    return <Loading />
  }
  return (
    <View className="appeals">
      {q.error ? <StaleNotice message={q.error.message} onRetry={q.reload} /> : null}
      {q.data.length === 0 ? (
        <EmptyState title="没有待处理的申诉" hint="有人申诉身份证号被他人注册时，会列在这里。" />
      ) : (
        <>
          <Text className="section-title">
            最新的在前。核实后如注册不实，请打开该注册并“作废”，身份证号即可由本人使用。
          </Text>
          {q.data.map((a) => (
            <Appeal key={a.id} a={a} />
          ))}
        </>
      )}
    </View>
  )
}

export default withScreen(AppealsPage)
