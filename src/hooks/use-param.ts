import { useRouter } from '@tarojs/taro'

/** A query parameter of the current page (`?id=…`), or undefined when absent or empty. */
export function useParam(name: string): string | undefined {
  const value = useRouter().params[name]
  if (!value) return undefined
  // WeChat hands query values over still percent-encoded; the browser router decodes them.
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
