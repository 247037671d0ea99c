import { createHandler } from '../core/handler'
import { platform, repos } from '../core/platform'
import { teamService } from '../core/services/team.service'

const teams = teamService(repos.teams)

/** Teams: the tree of the city detachment. */
export const main = createHandler<'team'>('team', { tree: () => teams.tree() }, platform)
