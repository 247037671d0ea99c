/**
 * Taro's selector `Picker` as a DOM `<select>`, for component tests of forms: Testing Library can
 * then choose an option (`fireEvent.change(select, { target: { value: '1' } })`) and the page gets
 * Taro's `{ detail: { value: index } }`. Opt in per test file, keeping the shared mock untouched:
 *
 *   jest.mock('@tarojs/components', () => ({
 *     ...jest.requireActual('@tarojs/components'),
 *     Picker: jest.requireActual('<path>/test/support/picker-mock').Picker,
 *   }))
 */
import type { ReactNode } from 'react'

interface Props {
  range: (string | Record<string, string>)[]
  rangeKey?: string
  value?: number
  onChange?: (e: { detail: { value: number } }) => void
  children?: ReactNode
  'data-testid'?: string
}

export function Picker({ range, rangeKey, value, onChange, children, 'data-testid': testId }: Props) {
  return (
    <div data-testid={testId}>
      {children}
      <select value={value ?? 0} onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}>
        {range.map((item, i) => (
          <option key={i} value={i}>
            {typeof item === 'string' ? item : item[rangeKey ?? '']}
          </option>
        ))}
      </select>
    </div>
  )
}
