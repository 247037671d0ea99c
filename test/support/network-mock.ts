/** `services/network` for component tests: online until a test says otherwise with `emitNetwork`. */
const listeners = new Set<(online: boolean) => void>()

export const network = {
  isOnline: async () => true,
  onChange(listener: (online: boolean) => void) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
}

export function emitNetwork(online: boolean) {
  for (const l of listeners) l(online)
}
