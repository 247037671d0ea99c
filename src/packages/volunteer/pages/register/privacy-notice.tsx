import { Text, View } from '@tarojs/components'

// Plain words for what PIPL asks a volunteer to agree to (DOMAIN.md "Personal information").
const ITEMS: [string, string][] = [
  [
    '收集哪些信息',
    '姓名、性别、身份证号（并由此得出出生日期）、单位、职务/职称、服务技能、专业特长、服务时间、手机号、志愿者来源和所选队伍。',
  ],
  [
    '为什么收集',
    '用于核实身份、审核注册、安排和联系志愿服务活动、统计服务时长，以及按市科协通知向上级报送队伍情况（报送表只含姓名、性别、单位、职务/职称）。',
  ],
  [
    '谁能看到',
    '只有你所在队伍及其上级队伍的管理员。身份证号和手机号默认只显示部分数字（如 430***********123X），管理员查看完整号码会被记录。',
  ],
  ['如何保存', '身份证号和手机号加密存储，不会公开展示。'],
  ['你的权利', '可以随时在“我的”中修改资料，也可以退出科技志愿者队伍；退出后不再参加活动，已有的服务记录保留。'],
]

export function PrivacyNotice() {
  return (
    <View className="privacy" data-testid="privacy-notice">
      {ITEMS.map(([title, text]) => (
        <View className="privacy__item" key={title}>
          <Text className="privacy__title">{title}</Text>
          <Text className="privacy__text">{text}</Text>
        </View>
      ))}
    </View>
  )
}
