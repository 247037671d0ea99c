import type { PropsWithChildren } from 'react'
import './app.scss'

// The app shell renders the current page; it loads nothing itself, so app start stays fast and
// every screen owns its own data.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
