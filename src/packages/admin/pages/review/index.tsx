import { Text, View } from '@tarojs/components'
import { EmptyState } from '../../../../components/PageState'
import './index.scss'

// The review list arrives with the registration actions; until then the screen says what it is for
// and offers nothing to tap.
export default function ReviewPage() {
  return (
    <View className="review">
      <Text className="section-title">待审核注册</Text>
      <EmptyState
        title="暂无待审核的注册"
        hint="志愿者提交注册后，本队伍及下级队伍的申请会列在这里，可逐条查看并通过或退回。审核功能即将开放。"
      />
    </View>
  )
}
