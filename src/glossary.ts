/**
 * One term per thing in the UI. `use` is the word every screen says; `not` are the variants that
 * drifted in before. `glossary.test.ts` scans the app's strings and fails on any variant.
 */
export interface Term {
  use: string
  /** What it means, for whoever writes the next screen. */
  meaning: string
  not: string[]
}

export const GLOSSARY: Term[] = [
  { use: '激活码', meaning: '审核通过后发给志愿者、用来激活的 6 位数字', not: ['验证码', '激活验证码'] },
  { use: '核验码', meaning: '服务记录证明上的 8 位码，任何人可凭编号和核验码核验证明', not: [] },
  { use: '修改资料', meaning: '志愿者修改自己的注册信息并（必要时）重新提交审核', not: ['修改注册信息', '编辑资料'] },
  { use: '长辈模式', meaning: '大字、大按钮、高对比度的显示方式', not: ['老年模式', '适老模式', '大字模式'] },
  {
    use: '代为注册',
    meaning: '家人或队伍负责人替长辈填写注册，并确认长辈本人已同意；长辈之后用身份证号和激活码激活',
    not: ['代注册', '代理注册', '帮忙注册'],
  },
  {
    use: '代为报名',
    meaning: '代为注册长辈的家人或队伍负责人替已激活的长辈报名活动，每次报名都确认长辈本人已同意',
    not: ['代报名', '代理报名', '帮忙报名'],
  },
  { use: '退回原因', meaning: '管理员不通过注册时写下的理由', not: ['驳回原因', '拒绝原因'] },
]
