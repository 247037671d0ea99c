import { createHandler } from '../core/handler'
import { platform, repos } from '../core/platform'
import { teamService } from '../core/services/team.service'

const teams = teamService(repos)

/** Teams: the tree of the city detachment level by level, team pages, members, leaders and counters. */
export const main = createHandler<'team'>(
  'team',
  {
    tree: (_caller, data) => teams.tree(data),
    page: (caller, data) => teams.page(caller, data.teamId),
    members: (caller, data) => teams.members(caller, data),
    create: (caller, data) => teams.create(caller, data),
    rename: (caller, data) => teams.rename(caller, data),
    setLeaders: (caller, data) => teams.setLeaders(caller, data),
    recount: (caller) => teams.recount(caller),
  },
  platform,
)
