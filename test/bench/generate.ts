/**
 * Generated data for the benchmark's larger sizes, in the shapes the functions write
 * (cloudfunctions/core/models.ts), added to the demo data: township teams under the demo's
 * county teams, volunteers in every state spread over them, memberships of the activated ones
 * (in their team and, as the functions write them, with the team's path), and activities.
 * Member counters are built as the functions keep them (core/team.ts): `loadGenerated` writes the
 * documents and raises the demo teams' counters by the generated members.
 * Deterministic: the same scale gives the same documents.
 */
import { newActivity } from '../../cloudfunctions/core/activity'
import type { ActivityDoc, MembershipDoc, TeamDoc, VolunteerDoc } from '../../cloudfunctions/core/models'
import { idNumberHash, seal, sealedFor } from '../../cloudfunctions/core/pii'
import { countMembers, newTeam, withMemberCounts } from '../../cloudfunctions/core/team'
import type { LocalCloud } from '../../emulator'
import { demoTeams } from '../../emulator/seed'
import { idCardCheckChar, maskIdNumber, maskMobile } from '../../types/idcard'

export type Scale = 'S' | 'M' | 'L'

/** Volunteers added at each scale (S is the demo data alone: 6 volunteers) and teams they spread over. */
export const SCALES: Record<Scale, { volunteers: number; townships: number; activities: number }> = {
  S: { volunteers: 0, townships: 0, activities: 0 },
  M: { volunteers: 2_000, townships: 40, activities: 200 },
  L: { volunteers: 20_000, townships: 400, activities: 2_000 },
}

const STATUSES: VolunteerDoc['status'][] = [
  ...Array<VolunteerDoc['status']>(14).fill('active'),
  'pending',
  'pending',
  'approved',
  'rejected',
  'left',
  'active',
]

/** A distinct, well-formed ID number per volunteer (the area digits carry the sequence). */
function idNumber(seq: number): string {
  const first17 = `${430000 + (seq % 100_000)}${1970 + (seq % 40)}0101${String(Math.floor(seq / 100_000)).padStart(3, '0')}`
  return first17 + idCardCheckChar(first17)
}

export type Size = (typeof SCALES)[Scale]

/** The documents of a named scale, or of explicit sizes (the budget test's 20,000 volunteers over ~2,000 teams). */
export function generate(scale: Scale | Size, now = new Date()): Record<string, object[]> {
  const size = typeof scale === 'string' ? SCALES[scale] : scale
  const counties = demoTeams.filter((t) => t.kind === 'county')
  const townships: TeamDoc[] = Array.from({ length: size.townships }, (_, i) =>
    newTeam(
      { _id: `gen-team-${i}`, name: `第${i + 1}科技志愿者服务分队`, kind: 'township', createdBy: 'bench' },
      counties[i % counties.length],
    ),
  )
  const homes = townships.length ? [...counties, ...townships] : counties
  const volunteers: VolunteerDoc[] = []
  const memberships: MembershipDoc[] = []
  for (let i = 0; i < size.volunteers; i++) {
    const team = homes[i % homes.length]
    const status = STATUSES[i % STATUSES.length]
    const at = new Date(now.getTime() - (size.volunteers - i) * 60_000)
    const openid = `gen-${i}`
    const idNum = idNumber(i)
    const mobile = `139${String(i).padStart(8, '0')}`
    const activated = status === 'active' || status === 'left'
    volunteers.push({
      _id: `vol-${openid}`,
      openid,
      status,
      name: `志愿者${i}`,
      gender: i % 2 ? 'male' : 'female',
      idNumberHash: idNumberHash(idNum),
      idNumberSealed: seal(idNum, sealedFor(`vol-${openid}`, 'idNumber')),
      idNumberMasked: maskIdNumber(idNum),
      birthDate: `${1970 + (i % 40)}-01-01`,
      employer: '益阳市某单位',
      position: '工程师',
      mobileSealed: seal(mobile, sealedFor(`vol-${openid}`, 'mobile')),
      mobileMasked: maskMobile(mobile),
      skills: ['lecture'],
      skillsOther: '',
      specialty: '',
      availability: { slots: ['weekend'], note: '' },
      source: 'other',
      team: { id: team._id, name: team.name, kind: team.kind },
      teamPath: team.path,
      consentAt: at,
      submittedAt: at,
      rejectReason: status === 'rejected' ? '材料不完整' : null,
      resubmitted: false,
      reviewedBy: status === 'pending' ? null : 'bench',
      reviewedAt: status === 'pending' ? null : at,
      activation:
        status === 'approved'
          ? { codeHash: 'x', expiresAt: new Date(now.getTime() + 7 * 86_400_000), failures: 0 }
          : null,
      activatedAt: activated ? at : null,
      leftAt: status === 'left' ? at : null,
      serviceMinutes: (i % 13) * 30,
      ...(status === 'active' ? { memberOf: team.path } : {}),
    })
    if (activated) {
      memberships.push({
        _id: `${openid}_${team._id}`,
        openid,
        teamId: team._id,
        teamPath: team.path,
        status: status === 'active' ? 'active' : 'left',
        primary: true,
        since: at,
      })
    }
  }
  const activities: ActivityDoc[] = Array.from({ length: size.activities }, (_, i) => {
    const team = homes[i % homes.length]
    const startAt = new Date(now.getTime() + ((i % 60) - 20) * 86_400_000)
    const signedUp = i % 30
    const draft = newActivity(
      {
        title: `科普活动${i}`,
        type: 'lecture',
        focusTags: [],
        theme: null,
        venueKind: 'community_center',
        address: '益阳',
        location: null,
        startAt,
        endAt: new Date(startAt.getTime() + 3 * 3_600_000),
        signupDeadline: startAt,
        capacity: 30,
        description: '',
        beneficiaries: [],
        contact: { name: '联系人', phone: '13800000000' },
        audience: 'city',
        insured: false,
        team: { id: team._id, name: team.name, kind: team.kind },
        teamId: team._id,
        teamPath: team.path,
      },
      'gen',
    )
    return {
      ...draft,
      _id: `gen-act-${i}`,
      stage: 'published',
      signedUp,
      seatsLeft: 30 - signedUp,
      createdAt: startAt,
      updatedAt: startAt,
      publishedAt: startAt,
    }
  })
  return { teams: withMemberCounts(townships, volunteers), volunteers, memberships, activities }
}

/** Writes generated documents over the demo data, and raises the demo teams' counters by their new members. */
export function loadGenerated(store: LocalCloud['store'], docs: Record<string, object[]>): void {
  for (const [collection, list] of Object.entries(docs))
    for (let i = 0; i < list.length; i += 5000) store.insert(collection, list.slice(i, i + 5000))
  const added = countMembers((docs.volunteers ?? []) as VolunteerDoc[])
  for (const t of demoTeams) {
    const n = added.get(t._id)
    if (n) store.update('teams', { _id: t._id }, { $inc: { members: n } })
  }
}
