/**
 * Whether the phone has a network, and news when that changes. Taro picks `network.weapp.ts` or
 * `network.h5.ts`; this file is the interface and the fallback (always online) for tests.
 */
export type Unsubscribe = () => void

export interface Network {
  isOnline(): Promise<boolean>
  /** Calls `listener` whenever the connection comes or goes. */
  onChange(listener: (online: boolean) => void): Unsubscribe
}

export const network: Network = {
  isOnline: async () => true,
  onChange: () => () => undefined,
}
