import type { Guard } from './leave-guard'

let current: string | null = null
const onBeforeUnload = (e: BeforeUnloadEvent) => {
  if (!current) return
  e.preventDefault()
  e.returnValue = current
}

/** A browser only asks when the tab itself is closed or reloaded; the draft covers in-app back. */
export const guardLeave: Guard = (message) => {
  current = message
  if (message) window.addEventListener('beforeunload', onBeforeUnload)
  else window.removeEventListener('beforeunload', onBeforeUnload)
}
