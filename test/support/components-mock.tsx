/**
 * `@tarojs/components` as plain DOM elements under jest (mapped in jest.config.js), so Testing
 * Library can query by text and role. Only props the DOM understands pass through; Taro-only props
 * (hoverClass, size, …) are dropped so React does not warn about them.
 */
import { createElement, forwardRef, type ReactNode } from 'react'

type Props = Record<string, unknown> & { children?: ReactNode }

const PASS = new Set([
  'className',
  'id',
  'children',
  'disabled',
  'onClick',
  'src',
  'placeholder',
  'value',
  'type',
  'role',
  'title',
])

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (PASS.has(k) || k.startsWith('data-') || k.startsWith('aria-')) out[k] = v
    // Taro accepts a CSS string; React DOM only an object.
    else if (k === 'style' && typeof v === 'object') out.style = v
  }
  return out
}

function element(tag: string, displayName: string) {
  const C = forwardRef<HTMLElement, Props>((props, ref) => createElement(tag, { ...domProps(props), ref }))
  C.displayName = displayName
  return C
}

export const View = element('div', 'View')
export const Text = element('span', 'Text')
export const Button = element('button', 'Button')
export const Image = element('img', 'Image')
export const ScrollView = element('div', 'ScrollView')
export const Navigator = element('a', 'Navigator')
export const Label = element('label', 'Label')
export const Form = element('form', 'Form')
export const Canvas = element('canvas', 'Canvas')
export const Swiper = element('div', 'Swiper')
export const SwiperItem = element('div', 'SwiperItem')
export const Picker = element('div', 'Picker')

/** Taro fires onInput with `{ detail: { value } }`; the DOM fires change events. */
function field(tag: 'input' | 'textarea', displayName: string) {
  const C = forwardRef<HTMLElement, Props>((props, ref) => {
    const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined
    return createElement(tag, {
      ...domProps(props),
      ref,
      value: props.value ?? undefined,
      onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    })
  })
  C.displayName = displayName
  return C
}

export const Input = field('input', 'Input')
export const Textarea = field('textarea', 'Textarea')
