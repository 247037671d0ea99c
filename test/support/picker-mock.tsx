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
  /** `date` and `time` pickers render an `<input>`; change its value to pick ('2030-09-20', '09:30'). */
  mode?: 'selector' | 'date' | 'time'
  range?: (string | Record<string, string>)[]
  rangeKey?: string
  onChange?: (e: { detail: { value: number } }) => void
  value?: number | string
  children?: ReactNode
  'data-testid'?: string
}

export function Picker({ mode, range = [], rangeKey, value, onChange, children, 'data-testid': testId }: Props) {
  if (mode === 'date' || mode === 'time') {
    const change = onChange as unknown as ((e: { detail: { value: string } }) => void) | undefined
    return (
      <div data-testid={testId}>
        {children}
        <input
          type={mode}
          value={String(value ?? '')}
          onChange={(e) => change?.({ detail: { value: e.target.value } })}
        />
      </div>
    )
  }
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
