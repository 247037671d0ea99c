/**
 * Domain vocabulary from the notice 益科协〔2019〕31号 (see DOMAIN.md).
 * Stored values are stable English codes; the labels are the notice's own Chinese words.
 */

function labels<K extends string>(map: Record<K, string>) {
  return { map, values: Object.keys(map) as K[] }
}

/** Life cycle of a volunteer registration (附件1 steps 3–7). */
export const VolunteerStatus = labels({
  unregistered: '未注册',
  pending: '待审核',
  rejected: '未通过',
  approved: '待激活',
  active: '已激活',
  left: '已退出',
})
export type VolunteerStatus = keyof typeof VolunteerStatus.map

/** What an audit log entry records: each full reveal, export, import and other action on people's records. */
export const AuditAction = labels({
  reveal: '查看完整信息',
  export: '导出',
  import: '集体注册',
  invite: '邀请加入队伍',
  reissue: '重发激活码',
  void: '作废注册',
  file: '报送报表',
  certificate: '开具服务记录证明',
  recount: '重新统计队伍人数',
  proxy: '代为注册',
  appeal_closed: '关闭申诉',
})
export type AuditAction = keyof typeof AuditAction.map

/** How an administrator closed a 申诉. */
export const AppealOutcome = labels({
  voided: '已作废冒用注册',
  confirmed: '核实无误，维持原注册',
  other: '其他',
})
export type AppealOutcome = keyof typeof AppealOutcome.map

export const Gender = labels({ male: '男', female: '女' })
export type Gender = keyof typeof Gender.map

/** 志愿者来源 — where the notice says members come from. */
export const SourceCategory = labels({
  society_member: '学会会员',
  teacher: '在职教师',
  wulao: '五老（老干部/老战士/老专家/老教师/老劳模）',
  sanzhang: '三长（医院院长/学校校长/农技站站长）',
  edu_base: '科普教育基地',
  e_station: '城乡科普e站',
  demo_base: '科普示范基地',
  agri_assoc: '农技协',
  community: '乡镇（街道）社区科技工作者',
  other: '其他',
})
export type SourceCategory = keyof typeof SourceCategory.map

/** 活动类型 — exactly the seven columns of 附件3. */
export const ActivityType = labels({
  lecture: '科普报告',
  training: '科技培训',
  consulting: '技术咨询',
  agriculture: '农技服务',
  medical: '医疗服务',
  youth: '青少年科技教育',
  other: '其他',
})
export type ActivityType = keyof typeof ActivityType.map

/** 重点结合 — the three focus tags the notice asks every team to cover at least once. */
export const FocusTag = labels({
  key_event: '结合全国科普日等重点活动',
  public_concern: '结合卫生健康等群众关切',
  key_group: '结合农村妇女、青少年等重点人群',
})
export type FocusTag = keyof typeof FocusTag.map

export const Theme = labels({
  disaster: '防灾减灾',
  emergency: '紧急避险',
  food: '食品安全',
  epidemic: '卫生防疫',
  first_aid: '自救互救',
})
export type Theme = keyof typeof Theme.map

/** 阵地 — venue kinds. */
export const VenueKind = labels({
  party_center: '党群服务中心',
  community_center: '社区服务中心',
  e_station: '科普中国e站',
  post_station: '科普湖南智慧乡村加“邮”站',
  culture_venue: '文化场馆',
  science_venue: '科技场馆',
  edu_base: '科普教育（示范）基地',
  rural_base: '农村科普示范基地',
  agri_assoc: '农村专业技术协会',
  online: '互联网',
})
export type VenueKind = keyof typeof VenueKind.map

export const BeneficiaryGroup = labels({
  elderly: '老年人',
  minors: '未成年人',
  needy: '生活困难群众',
  rural_women: '农村妇女',
  youth: '青少年',
})
export type BeneficiaryGroup = keyof typeof BeneficiaryGroup.map

export const ActivityStatus = labels({
  draft: '草稿',
  open: '报名中',
  ongoing: '进行中',
  finished: '已结束',
  cancelled: '已取消',
})
export type ActivityStatus = keyof typeof ActivityStatus.map

/** Kinds of team in the tree of DOMAIN.md "Teams". */
export const TeamKind = labels({
  city: '市支队',
  society: '学会科技志愿者支队',
  specialty: '专业分队',
  county: '区县（市）科技志愿者队',
  township: '乡镇（街道）科技志愿者服务分队',
  service_group: '专业科技志愿服务团',
})
export type TeamKind = keyof typeof TeamKind.map

export const Role = labels({
  owner: '超级管理员',
  admin: '管理员',
  organizer: '组织者',
})
export type Role = keyof typeof Role.map

/** Time slots a volunteer can offer (服务时间). */
export const AvailabilitySlot = labels({
  weekday: '工作日',
  weekend: '周末',
  evening: '晚间',
})
export type AvailabilitySlot = keyof typeof AvailabilitySlot.map

/** Who may sign up for an activity: every activated volunteer, or members of the organizing team's subtree. */
export const Audience = labels({
  city: '全市科技志愿者',
  team: '本队伍（含下级队伍）成员',
})
export type Audience = keyof typeof Audience.map

/** A sign-up's state, as its holder sees it under 我的 → 我的活动. */
export const TicketStatus = labels({
  confirmed: '报名成功',
  waitlisted: '候补中',
  cancelled: '已取消报名',
  /** Said after the cancel cut-off (志愿服务条例 Art. 22): the seat stays taken, the organizer is told. */
  absent: '已请假',
})
export type TicketStatus = keyof typeof TicketStatus.map

/** 代为注册: how the person who registers someone else is related to them. */
export const ProxyRelation = labels({ family: '家人', team_leader: '队伍负责人' })
export type ProxyRelation = keyof typeof ProxyRelation.map
