/** Where each admin screen lives; screens link to each other only through these. */
const ROOT = '/packages/admin/pages'
const q = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`

export const adminUrl = {
  /** Without an id the team page shows the caller's own teams (the owner's: the root). */
  team: (id?: string) => (id ? `${ROOT}/team/index?${q('id', id)}` : `${ROOT}/team/index`),
  members: (teamId: string) => `${ROOT}/team-members/index?${q('id', teamId)}`,
  leaders: (teamId: string) => `${ROOT}/team-leaders/index?${q('id', teamId)}`,
  createTeam: (parentId: string) => `${ROOT}/team-edit/index?${q('parentId', parentId)}`,
  renameTeam: (teamId: string) => `${ROOT}/team-edit/index?${q('id', teamId)}`,
  roles: (teamId: string) => `${ROOT}/roles/index?${q('id', teamId)}`,
  periods: () => `${ROOT}/periods/index`,
  import: (teamId: string) => `${ROOT}/import/index?${q('id', teamId)}`,
  /** 附件2 / 附件3, the entered figures and filing, for one team. */
  forms: (teamId: string) => `${ROOT}/forms/index?${q('id', teamId)}`,
  /** 数据看板: a team's reporting period in figures and bars. */
  dashboard: (teamId: string) => `${ROOT}/dashboard/index?${q('id', teamId)}`,
  reviewDetail: (volunteerId: string) => `${ROOT}/review-detail/index?${q('volunteerId', volunteerId)}`,
  /** 待激活: approved or imported, not activated yet; re-issue codes from here. */
  pending: () => `${ROOT}/pending/index`,
  /** Open 申诉 about records in the caller's scope. */
  appeals: () => `${ROOT}/appeals/index`,
}
