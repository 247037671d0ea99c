import type { LocationService } from './location'

// Taro's H5 chooseLocation needs a map key and a hosted picker page, which the local dev server does
// not have; the H5 build only runs there, so the map buttons are hidden instead.
export const location: LocationService = {
  available: false,
  choose: () => Promise.resolve(null),
  open: () => Promise.resolve(),
}
