import { makeCaller } from './context'
import { cloud, db } from './db'
import type { HandlerDeps } from './handler'
import { roleRepository } from './repositories/role.repository'

const roles = roleRepository(db)

/** The handler's view of the platform: the caller comes from getWXContext(), never from the event. */
export const platform: HandlerDeps = {
  openid: () => cloud.getWXContext().OPENID,
  caller: (openid) => makeCaller(openid, roles.grantsOf),
}
