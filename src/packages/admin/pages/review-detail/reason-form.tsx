import { Button, Text, Textarea, View } from '@tarojs/components'
import { flag } from '../../../../utils/flag'

interface Props {
  /** Element id, so the page can scroll the form into view. */
  id: string
  /** What the reason is for and who will read it. */
  label: string
  placeholder: string
  value: string
  onInput: (value: string) => void
  error?: string
  /** The textarea's test id; its error line adds `-error`. */
  testId: string
  confirmLabel: string
  confirmTestId: string
  /** This form's own request is under way. */
  loading: boolean
  /** Any request is under way. */
  disabled: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** A reason written before a decision (不通过, 作废), with its confirm and cancel buttons. */
export function ReasonForm(p: Props) {
  return (
    <View className="card detail__reject" id={p.id}>
      <Text className="detail__label">{p.label}</Text>
      <Textarea
        className="detail__textarea"
        placeholder={p.placeholder}
        maxlength={200}
        value={p.value}
        onInput={(e) => p.onInput(e.detail.value)}
        data-testid={p.testId}
      />
      {p.error ? (
        <Text className="detail__error" data-testid={`${p.testId}-error`}>
          {p.error}
        </Text>
      ) : null}
      <View className="detail__buttons">
        <Button
          className="detail__button"
          type="warn"
          loading={flag(p.loading)}
          disabled={flag(p.disabled)}
          onClick={p.onConfirm}
          data-testid={p.confirmTestId}
        >
          {p.confirmLabel}
        </Button>
        <Button className="detail__button" disabled={flag(p.disabled)} onClick={p.onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
