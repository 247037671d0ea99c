import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props<T extends string> {
  options: { value: T; label: string }[]
  selected: readonly T[]
  onToggle: (value: T) => void
  /** Prefix of each chip's test id: `${testId}-${value}`. */
  testId?: string
  /** One choice only (the caller replaces it on a tap): radio semantics for screen readers. */
  single?: boolean
}

/** A multi-select (or, with `single`, a one-of) as tappable chips: every option visible, one tap each. */
export function ChoiceChips<T extends string>({ options, selected, onToggle, testId, single }: Props<T>) {
  return (
    <View className="chips" role={single ? 'radiogroup' : undefined}>
      {options.map((o) => {
        const on = selected.includes(o.value)
        return (
          <View
            key={o.value}
            className={`chips__chip${on ? ' chips__chip--on' : ''}`}
            role={single ? 'radio' : 'checkbox'}
            aria-checked={on}
            data-testid={testId ? `${testId}-${o.value}` : undefined}
            onClick={() => onToggle(o.value)}
          >
            <Text>{o.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** `selected` with `value` added or removed, keeping the options' order. */
export function toggled<T extends string>(options: readonly T[], selected: readonly T[], value: T): T[] {
  const next = new Set(selected)
  if (next.has(value)) next.delete(value)
  else next.add(value)
  return options.filter((o) => next.has(o))
}
