/**
 * jsdom has no TextEncoder, which the Ed25519 code needs when it loads: import this first in a
 * component test whose page verifies tickets (ES imports run in order).
 */
import { TextDecoder, TextEncoder } from 'node:util'

const g = globalThis as unknown as Record<string, unknown>
g.TextEncoder ??= TextEncoder
g.TextDecoder ??= TextDecoder
