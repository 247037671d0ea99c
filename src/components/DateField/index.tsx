import { Picker, View } from '@tarojs/components'
import { formatDate } from '../../utils/datetime'

interface Props {
  /** YYYY-MM-DD, as the contract and the picker hold it; '' while none is picked. */
  value: string
  onChange: (day: string) => void
  placeholder?: string
  className?: string
  'data-testid'?: string
}

/** A day picked, never typed, and shown as 2026年12月1日. */
export function DateField({ value, onChange, placeholder = '选择日期', className, 'data-testid': testId }: Props) {
  return (
    <Picker mode="date" value={value} onChange={(e) => onChange(String(e.detail.value))} data-testid={testId}>
      <View className={`form-input${value ? '' : ' form-input--placeholder'}${className ? ` ${className}` : ''}`}>
        {value ? formatDate(value) : placeholder}
      </View>
    </Picker>
  )
}
