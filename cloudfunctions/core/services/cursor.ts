import { AppError } from '../errors'

/** Keyset cursor over (time, _id), opaque to the client. */
export interface Cursor {
  at: Date
  id: string
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at.getTime(), c.id])).toString('base64url')
}

export function decodeCursor(s: string): Cursor {
  try {
    const [t, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))
    if (typeof t === 'number' && Number.isFinite(t) && typeof id === 'string') return { at: new Date(t), id }
  } catch {
    // fall through to the refusal below
  }
  throw new AppError('INVALID_INPUT', '分页参数无效，请刷新后重试', 'cursor')
}
