import { _, listOf, rowsOf, type Db } from '../db'
import type { FilingDoc, PeriodDoc, TeamDoc } from '../models'
import { nameKey, newTeam } from '../team'

/** Where a page of teams ordered by name key starts: after this key and id. */
export interface NameCursor {
  key: string
  id: string
}

/** A team with what its page shows about it, read in one request (team.service.ts page). */
export interface TeamWithContext {
  team: TeamDoc
  /** The team's ancestors and itself, in any order. */
  path: TeamDoc[]
  /** The periods started by `today`, latest first (a few). */
  periods: PeriodDoc[]
  /** The forms the team filed, for any period (a few a year: kind and period only). */
  filed: Pick<FilingDoc, 'periodId' | 'form'>[]
}

export interface TeamRepository {
  get(id: string): Promise<TeamDoc | null>
  /** The team with its path, leaders, periods and filed forms (null when it does not exist). */
  withContext(id: string, today: string): Promise<TeamWithContext | null>
  /** Teams by id (breadcrumbs, a role's teams): a path's or a page's worth. */
  byIds(ids: string[]): Promise<TeamDoc[]>
  /** A page of a parent's children (root teams for null), by name key then id. */
  children(parentId: string | null, after: NameCursor | null, limit: number): Promise<TeamDoc[]>
  /** A page of the teams whose name key starts with `prefix` (a normalized name), by name key then id. */
  search(prefix: string, after: NameCursor | null, limit: number): Promise<TeamDoc[]>
  /** Whether a sibling under `parentId` other than `except` has the name (by name key). */
  siblingNamed(parentId: string, name: string, except: string | null): Promise<boolean>
  /** The whole tree (the recount and the flattened tree: never a screen's page). */
  all(): Promise<TeamDoc[]>
  /** The team and every team below it (a unit's forms), on the index path_id. */
  subtree(id: string): Promise<TeamDoc[]>
  insert(team: Pick<TeamDoc, 'name' | 'kind' | 'createdBy'>, parent: TeamDoc): Promise<TeamDoc>
  rename(id: string, name: string): Promise<void>
  /** Writes a leader's or deputy's card again on every team that shows it (one request). */
  refreshLeaderCard(card: NonNullable<TeamDoc['leaderCards']>[number]): Promise<void>
  setLeaders(
    id: string,
    leaders: { leaderOpenid: string | null; deputyOpenids: string[]; cards: TeamDoc['leaderCards'] },
  ): Promise<void>
  /** Teams written before name keys get theirs (once: the recount finds them). */
  fillNameKeys(teams: TeamDoc[]): Promise<void>
}

interface Pipeline {
  match(q: object): Pipeline
  sort(s: object): Pipeline
  limit(n: number): Pipeline
  done(): unknown
}

/** The most rows one get() answers. */
const MAX_GET = 1000
const PERIODS_READ = 5

export function teamRepository(db: Db): TeamRepository {
  const col = db.collection('teams')
  const $ = db.command.aggregate
  /** By name key then id (the index parent_name and name): a keyset page after `after`. */
  const byName = (where: Record<string, unknown>, after: NameCursor | null, limit: number) => {
    const rest = after ? [_.or([{ nameKey: _.gt(after.key) }, { nameKey: after.key, _id: _.gt(after.id) }])] : []
    const query = rest.length ? _.and([where, ...rest]) : where
    return rowsOf<TeamDoc>(col.where(query).orderBy('nameKey', 'asc').orderBy('_id', 'asc').limit(limit))
  }
  /** Every team matching `where`, paged by id: a province has ~2,000 teams, over one get() of 1000. */
  async function pagedById(where: Record<string, unknown>): Promise<TeamDoc[]> {
    const out: TeamDoc[] = []
    for (;;) {
      const last = out[out.length - 1]
      const rows = await rowsOf<TeamDoc>(
        col
          .where(last ? { ...where, _id: _.gt(last._id) } : where)
          .orderBy('_id', 'asc')
          .limit(MAX_GET),
      )
      out.push(...rows)
      if (rows.length < MAX_GET) return out
    }
  }
  return {
    async get(id) {
      const [row] = await rowsOf<TeamDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    async withContext(id, today) {
      // One request: the team (its leaders' cards on it), and through lookups by index its path and filed
      // forms, and the few periods started by today.
      const rows = await listOf<
        TeamDoc & {
          _path: TeamDoc[]
          _periods: PeriodDoc[]
          _filed: Pick<FilingDoc, 'periodId' | 'form'>[]
        }
      >(
        col
          .aggregate()
          .match({ _id: id })
          .limit(1)
          .lookup({ from: 'teams', localField: 'path', foreignField: '_id', as: '_path' })
          .lookup({ from: 'report_filings', localField: '_id', foreignField: 'teamId', as: '_filed' })
          .lookup({
            from: 'periods',
            // The SDK's typings lack pipeline(); the service supports it (a sub-pipeline lookup).
            pipeline: ($ as unknown as { pipeline(): Pipeline })
              .pipeline()
              .match({ start: _.lte(today) })
              .sort({ start: -1 })
              .limit(PERIODS_READ)
              .done(),
            as: '_periods',
          })
          .project({ '_filed.statistics': 0, '_filed.team': 0, '_filed.teamPath': 0 }),
      )
      const row = rows[0]
      if (!row) return null
      const { _path, _periods, _filed, ...team } = row
      return {
        team,
        path: _path,
        periods: _periods,
        filed: _filed.map((f) => ({ periodId: f.periodId, form: f.form })),
      }
    },
    byIds: (ids) =>
      ids.length ? rowsOf<TeamDoc>(col.where({ _id: _.in(ids) }).limit(ids.length)) : Promise.resolve([]),
    children: (parentId, after, limit) => byName({ parentId }, after, limit),
    search: (prefix, after, limit) =>
      byName({ nameKey: db.RegExp({ regexp: `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` }) }, after, limit),
    async siblingNamed(parentId, name, except) {
      const rows = await rowsOf<TeamDoc>(
        col.where({ parentId, nameKey: nameKey(name), ...(except ? { _id: _.neq(except) } : {}) }).limit(1),
      )
      return rows.length > 0
    },
    all: () => pagedById({}),
    subtree: (id) => pagedById({ path: id }),
    async insert(team, parent) {
      // The id is chosen here so the path (ancestors + itself) is written in the same insert.
      const id = `team-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
      const { _id, ...doc } = newTeam({ _id: id, ...team }, parent)
      await col.doc(id).set({ data: doc })
      return { _id, ...doc }
    },
    async rename(id, name) {
      await col.where({ _id: id }).update({ data: { name, nameKey: nameKey(name) } })
    },
    async setLeaders(id, { leaderOpenid, deputyOpenids, cards }) {
      await col
        .where({ _id: id })
        .update({ data: { leaderOpenid, deputyOpenids: _.set(deputyOpenids), leaderCards: _.set(cards ?? []) } })
    },
    async refreshLeaderCard(card) {
      // The positional `$` is the card the condition matched (one per team: setLeaders keeps them distinct).
      await col.where({ 'leaderCards.openid': card.openid }).update({ data: { 'leaderCards.$': _.set(card) } })
    },
    async fillNameKeys(teams) {
      // A one-time migration of old teams: a request each, only for those without a key.
      for (const t of teams) await col.where({ _id: t._id }).update({ data: { nameKey: nameKey(t.name) } })
    },
  }
}
