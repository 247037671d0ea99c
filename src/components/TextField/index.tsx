import { Input } from '@tarojs/components'
import type { ComponentProps } from 'react'
import { FormField, type FormFieldProps } from '../FormField'

type InputProps = ComponentProps<typeof Input>

interface Props extends Omit<FormFieldProps, 'children'> {
  value: string
  /** Called with the text as typed. */
  onInput: (value: string) => void
  onBlur?: () => void
  placeholder?: string
  maxlength?: number
  type?: InputProps['type']
  testId: string
}

/**
 * A FormField holding one text input in the forms' shared look (`form-input`). Its own module, not
 * part of FormField, so only the pages that type text carry it. Input props the caller leaves out
 * are not passed at all, so the input keeps the platform defaults exactly as when written by hand.
 */
export function TextField({ id, label, required, error, hint, onInput, testId, ...input }: Props) {
  return (
    <FormField id={id} label={label} required={required} error={error} hint={hint}>
      <Input className="form-input" {...input} onInput={(e) => onInput(e.detail.value)} data-testid={testId} />
    </FormField>
  )
}
