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

/** Keyset cursor over (text key, _id), such as a team's name key: opaque to the client. */
export interface KeyCursor {
  key: string
  id: string
}

export const encodeKeyCursor = (c: KeyCursor): string =>
  Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url')

export function decodeKeyCursor(s: string): KeyCursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))
    if (typeof key === 'string' && typeof id === 'string') return { key, id }
  } catch {
    // fall through to the refusal below
  }
  throw new AppError('INVALID_INPUT', '分页参数无效，请刷新后重试', 'cursor')
}

/**
 * A page of a keyset-paged list read with `limit + 1` rows: the extra row tells whether another page
 * exists without a count request; the cursor is the last shown row's key and id.
 */
export function keysetPage<R extends { _id: string }, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => Date | string,
  map: (page: R[]) => T[],
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: map(page),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: new Date(keyOf(last)), id: last._id }) : null,
  }
}
