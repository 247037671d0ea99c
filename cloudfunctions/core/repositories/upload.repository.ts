/** Uploaded rosters (集体注册): who uploaded which file for which team, so it can be deleted later. */
import crypto from 'node:crypto'
import { _, isDuplicateKey, rowsOf, serverNow, type Db } from '../db'

export interface UploadDoc {
  _id: string
  fileID: string
  teamId: string
  by: string
  at: Date
}

export interface UploadRepository {
  /** Notes the file the first time it is seen (idempotent). */
  seen(fileID: string, teamId: string, by: string): Promise<void>
  forget(fileID: string): Promise<void>
  olderThan(at: Date, limit: number): Promise<UploadDoc[]>
}

const idOf = (fileID: string) => crypto.createHash('sha256').update(fileID).digest('hex').slice(0, 40)

export function uploadRepository(db: Db): UploadRepository {
  const col = db.collection('uploads')
  return {
    async seen(fileID, teamId, by) {
      try {
        await col.add({ data: { _id: idOf(fileID), fileID, teamId, by, at: serverNow() } })
      } catch (e) {
        // Seen before: the first time counts.
        if (!isDuplicateKey(e)) throw e
      }
    },
    async forget(fileID) {
      await col.where({ _id: idOf(fileID) }).remove()
    },
    olderThan: (at, limit) =>
      rowsOf<UploadDoc>(
        col
          .where({ at: _.lt(at) })
          .orderBy('at', 'asc')
          .limit(limit),
      ),
  }
}
