import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface FormFieldProps {
  /** Element id, so a failed submit can scroll to the field. */
  id?: string
  label: string
  required?: boolean
  /** The schema's (or the server's) message for this field; shown under it. */
  error?: string
  /** What to enter and why, shown while there is no error. */
  hint?: ReactNode
  children: ReactNode
}

/** A labelled form row with its own message line, so every message appears next to its field. */
export function FormField({ id, label, required, error, hint, children }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`} id={id} data-testid={id}>
      <Text className="form-field__label">
        {label}
        {required ? <Text className="form-field__required">*</Text> : null}
      </Text>
      <View className="form-field__control">{children}</View>
      {error ? (
        <Text className="form-field__error" data-testid={id ? `${id}-error` : undefined}>
          {error}
        </Text>
      ) : hint ? (
        <View className="form-field__hint">{hint}</View>
      ) : null}
    </View>
  )
}
