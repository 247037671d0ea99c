/**
 * The volunteer record as a domain object: how a registration becomes a stored record and how an
 * activation is issued. Registration, 集体注册 and the demo seed all build records here.
 */
import { maskIdNumber, maskMobile, parseIdCard } from '../../types/idcard'
import type { Registration } from '../../types/registration'
import { hashActivationCode, newActivationCode } from './activation'
import { config } from './config'
import { AppError } from './errors'
import type { Activation, TeamDoc, VolunteerDoc } from './models'
import { idNumberHash, seal } from './pii'

/** The openid of a record a team registered (集体注册) until its person claims it. */
export const UNCLAIMED = 'unclaimed:'

export const isUnclaimed = (v: Pick<VolunteerDoc, 'openid'>) => v.openid.startsWith(UNCLAIMED)

/** The stored form of a validated registration: personal numbers sealed, hashed and masked. */
export function registrationFields(r: Registration, team: Pick<TeamDoc, '_id' | 'name' | 'kind' | 'path'>) {
  const facts = parseIdCard(r.idNumber)
  if (!facts) throw new AppError('INVALID_INPUT', '身份证号校验不通过，请核对', 'idNumber')
  return {
    name: r.name,
    gender: r.gender,
    idNumberHash: idNumberHash(r.idNumber),
    idNumberSealed: seal(r.idNumber),
    idNumberMasked: maskIdNumber(r.idNumber),
    birthDate: facts.birthDate,
    employer: r.employer,
    position: r.position,
    mobileSealed: seal(r.mobile),
    mobileMasked: maskMobile(r.mobile),
    skills: r.skills,
    skillsOther: r.skillsOther,
    specialty: r.specialty,
    availability: r.availability,
    source: r.source,
    team: { id: team._id, name: team.name, kind: team.kind },
    teamPath: team.path,
  }
}

export type RegistrationFields = ReturnType<typeof registrationFields>

/** A fresh code for the record `volunteerId`: stored as a keyed hash, valid for the configured days. */
export function issueActivation(
  volunteerId: string,
  now: Date,
): { code: string; days: number; activation: Activation } {
  const code = newActivationCode()
  const days = config.activationCodeDays()
  const expiresAt = new Date(now.getTime() + days * 86_400_000)
  return {
    code,
    days,
    activation: { codeHash: hashActivationCode(volunteerId, code), issuedAt: now, expiresAt, failures: 0 },
  }
}

/**
 * A new record. A person's own registration starts 待审核 with no code; a team's (集体注册) starts
 * 待激活 under a placeholder openid with the activation given here, reviewed by the importer.
 */
export function newVolunteer(
  fields: RegistrationFields,
  start:
    | { kind: 'registered'; openid: string }
    | { kind: 'imported'; id: string; by: string; activation: Activation; now: Date },
): Omit<VolunteerDoc, '_id' | 'submittedAt' | 'consentAt'> &
  Partial<Pick<VolunteerDoc, '_id' | 'submittedAt' | 'consentAt'>> {
  const common = {
    ...fields,
    rejectReason: null,
    resubmitted: false,
    activatedAt: null,
    leftAt: null,
    serviceMinutes: 0,
    revision: 0,
  }
  if (start.kind === 'registered') {
    return {
      ...common,
      openid: start.openid,
      status: 'pending',
      reviewedBy: null,
      reviewedAt: null,
      activation: null,
      firstSubmissionInRecord: true,
    }
  }
  return {
    ...common,
    _id: start.id,
    openid: `${UNCLAIMED}${start.id}`,
    status: 'approved',
    consentAt: start.now,
    submittedAt: start.now,
    reviewedBy: start.by,
    reviewedAt: start.now,
    activation: start.activation,
  }
}
