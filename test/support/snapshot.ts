/** Every document of every collection, for "a refused call writes nothing" checks that see inside documents. */
import fs from 'node:fs'
import path from 'node:path'
import type { TestCloud } from './dev-cloud'

const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cloudfunctions/database.json'), 'utf8')) as {
  collections: Record<string, unknown>
}
export const COLLECTIONS = Object.keys(spec.collections)

export function snapshot(cloud: TestCloud): string {
  return JSON.stringify(
    COLLECTIONS.map((c) => [c, cloud.cloud.store.find(c).sort((a, b) => String(a._id).localeCompare(String(b._id)))]),
  )
}
