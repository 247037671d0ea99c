import { Text, View } from '@tarojs/components'
import { EmptyState } from '../../../../components/PageState'
import './index.scss'

// Scanning arrives with sign-up and tickets; until then the screen explains the check-in it will do
// and shows no scan button that would lead nowhere.
export default function ScanPage() {
  return (
    <View className="scan">
      <Text className="section-title">扫码签到</Text>
      <EmptyState
        title="扫码签到即将开放"
        hint="活动现场，组织者在这里扫描志愿者出示的签到码完成签到，签到计入参与服务的专家人次。"
      />
    </View>
  )
}
