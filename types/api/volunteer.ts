/** The volunteer function: the caller's own registration, activation and profile. */
import type { ActivityType, AvailabilitySlot, Gender, SourceCategory, VolunteerStatus } from '../enums'
import type { ProxyRegistration } from '../proxy'
import type { Registration } from '../registration'
import type { Empty, RoleGrant, TeamRef } from './common'

/** A registration as its owner or a reviewer sees it: personal numbers masked. */
export interface ProfileView {
  name: string
  gender: Gender
  /** 430***********123X */
  idNumberMasked: string
  /**
   * Birth year only: with the masked number and the check digit, a full birth date would give the
   * whole ID number without the audited reveal.
   */
  birthYear: number
  employer: string
  position: string
  mobileMasked: string
  skills: ActivityType[]
  skillsOther: string
  specialty: string
  availability: { slots: AvailabilitySlot[]; note: string }
  source: SourceCategory
}

/** A message the volunteer was sent; kept so a refused subscription loses nothing. */
export interface Notice {
  id: string
  title: string
  body: string
  at: string
  /** Whether the WeChat subscribe message was delivered (false: refused or failed). */
  delivered: boolean
}

/** What 我的 shows: the caller's own state, always masked. */
export interface MeView {
  status: VolunteerStatus
  profile: ProfileView | null
  team: TeamRef | null
  /** Reason of the latest rejection, when status is rejected. */
  rejectReason: string | null
  submittedAt: string | null
  roles: RoleGrant[]
  /** Teams the caller is an active member of, with their ancestors: who may join activities open to a team's members. */
  memberOf: string[]
  /** 服务时长, hours, one decimal. */
  serviceHours: number
  /** Activation is locked after too many wrong codes until an admin re-issues one. */
  activationLocked: boolean
  /**
   * The caller's own activation code while they are 待激活 (self-registered): shown only to its
   * owner, kept sealed at rest, gone after activation.
   */
  activationCode: string | null
  /** Teams that registered the caller (集体注册) while they were registered elsewhere: joined only on accepting. */
  invitations: { team: TeamRef; at: string }[]
  /** Latest notices, newest first. */
  notices: Notice[]
  /** Subscribe-message templates to ask for on the next submit tap (from configuration). */
  subscribeTemplateIds: string[]
}

export interface VolunteerApi {
  'volunteer.me': { req: Empty; res: MeView }
  'volunteer.register': { req: Registration; res: MeView }
  /** Before review or after rejection: edit and (re)submit. After activation: identity changes go back to review. */
  'volunteer.update': { req: Registration; res: MeView }
  'volunteer.activate': { req: { code: string }; res: MeView }
  'volunteer.leave': { req: Empty; res: MeView }
  /** Someone registered by their team (集体注册) claims the record with their ID number and code. */
  'volunteer.claim': { req: { idNumber: string; code: string }; res: MeView }
  /** 申诉: the caller's ID number is taken by someone else; the holder's team administrators check it. */
  'volunteer.appeal': { req: { name: string; idNumber: string; mobile: string; note: string }; res: { received: true } }
  /** Joins a team that invited the caller; until then the caller is not its member and not shown to it. */
  'volunteer.acceptInvitation': { req: { teamId: string }; res: MeView }
  'volunteer.declineInvitation': { req: { teamId: string }; res: MeView }
  /**
   * 代为注册: the caller registers an elder (types/proxy.ts). The record is the elder's, waits for
   * review like any registration, and is claimed by the elder with their ID number and activation
   * code; the caller gets the review result. A rejected one is submitted again the same way.
   */
  'volunteer.registerFor': { req: ProxyRegistration; res: ProxyReceipt }
  /**
   * The caller's own folder for an ID card photo (`idcard/<openid>`): the app cannot know its openid,
   * and `readIdCard` reads only from there. No database request.
   */
  'volunteer.idCardFolder': { req: Empty; res: { cloudDir: string } }
  /**
   * Reads the front of an ID card from a photo the caller uploaded (cloud `ocr.idcard`) to fill the
   * form; nothing is stored. The caller checks and submits it like typed input.
   */
  'volunteer.readIdCard': { req: { fileID: string }; res: IdCardReading }
  /** The verified mobile behind a `getPhoneNumber` button's code (cloud `phonenumber.getPhoneNumber`). */
  'volunteer.phoneNumber': { req: { code: string }; res: { mobile: string } }
}

/** What a helper is told about the registration they made: only what they entered, masked. */
export interface ProxyReceipt {
  name: string
  idNumberMasked: string
  mobileMasked: string
  team: TeamRef
  status: 'pending'
}

export interface IdCardReading {
  name: string
  idNumber: string
  gender: Gender
}
