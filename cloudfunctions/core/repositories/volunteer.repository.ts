import { rowsOf, type Db } from '../db'
import type { VolunteerDoc } from '../models'

export interface VolunteerRepository {
  findByOpenid(openid: string): Promise<VolunteerDoc | null>
}

export function volunteerRepository(db: Db): VolunteerRepository {
  const col = db.collection('volunteers')
  return {
    async findByOpenid(openid) {
      const [row] = await rowsOf<VolunteerDoc>(col.where({ openid }).limit(1))
      return row ?? null
    },
  }
}
