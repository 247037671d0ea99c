import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface Props {
  /** The form's block class; styles/_consent.scss gives it `__consent`, `__box` and the ticked state. */
  block: string
  checked: boolean
  onToggle: () => void
  testId: string
  /** What is agreed to. */
  children: ReactNode
}

/** A consent row with its tick box (个人信息处理说明, 监护人同意, 代为注册声明). */
export function ConsentCheck({ block, checked, onToggle, testId, children }: Props) {
  return (
    <View
      className={`${block}__consent${checked ? ` ${block}__consent--on` : ''}`}
      role="checkbox"
      aria-checked={checked}
      data-testid={testId}
      onClick={onToggle}
    >
      <View className={`${block}__box`}>{checked ? '✓' : ''}</View>
      {children}
    </View>
  )
}
