/**
 * The volunteer record as a domain object: how a registration becomes a stored record and how an
 * activation is issued. Registration, 集体注册 and the demo seed all build records here.
 */
import crypto from 'node:crypto'
import { maskIdNumber, maskMobile, parseIdCard } from '../../types/idcard'
import type { Registration } from '../../types/registration'
import { batchCode, hashActivationCode, isCodeBatch, newActivationCode, newCodeBatch } from './activation'
import { config } from './config'
import { AppError } from './errors'
import type { Activation, ProxyRecord, TeamDoc, VolunteerDoc } from './models'
import { idNumberHash, seal, sealedFor, unseal } from './pii'

/** The openid of a record a team registered (集体注册) until its person claims it. */
export const UNCLAIMED = 'unclaimed:'

export const isUnclaimed = (v: Pick<VolunteerDoc, 'openid'>) => v.openid.startsWith(UNCLAIMED)

/** The stored form of a validated registration for record `id`: personal numbers sealed (bound to it), hashed and masked. */
export function registrationFields(r: Registration, id: string, team: Pick<TeamDoc, '_id' | 'name' | 'kind' | 'path'>) {
  const facts = parseIdCard(r.idNumber)
  if (!facts) throw new AppError('INVALID_INPUT', '身份证号校验不通过，请核对', 'idNumber')
  return {
    name: r.name,
    gender: r.gender,
    idNumberHash: idNumberHash(r.idNumber),
    idNumberSealed: seal(r.idNumber, sealedFor(id, 'idNumber')),
    idNumberMasked: maskIdNumber(r.idNumber),
    birthDate: facts.birthDate,
    employer: r.employer,
    position: r.position,
    mobileSealed: seal(r.mobile, sealedFor(id, 'mobile')),
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

/**
 * A fresh code for the record `volunteerId`, valid for the configured days: compared by its keyed
 * hash; for a person's own record also kept sealed (bound to the record) so 我的 can show it to them.
 * An imported record's code is handed over by its administrator and not kept at all.
 */
export function issueActivation(
  volunteerId: string,
  now: Date,
  { forOwner = true, code = newActivationCode() }: { forOwner?: boolean; code?: string } = {},
): { code: string; days: number; activation: Activation } {
  const days = config.activationCodeDays()
  const expiresAt = new Date(now.getTime() + days * 86_400_000)
  const sealed = forOwner ? { codeSealed: seal(code, sealedFor(volunteerId, 'activationCode')) } : {}
  return {
    code,
    days,
    activation: { codeHash: hashActivationCode(volunteerId, code), ...sealed, issuedAt: now, expiresAt, failures: 0 },
  }
}

/**
 * Fresh codes for many records in one stored value (activation.ts), valid for the configured days:
 * the same `activation` is written to each record and `codeOf` tells each record's code.
 */
export function issueActivations(now: Date): {
  days: number
  activation: Activation
  codeOf: (volunteerId: string) => string
} {
  const days = config.activationCodeDays()
  const batch = newCodeBatch()
  const expiresAt = new Date(now.getTime() + days * 86_400_000)
  return {
    days,
    activation: { codeHash: batch, issuedAt: now, expiresAt, failures: 0 },
    codeOf: (volunteerId) => batchCode(volunteerId, batch),
  }
}

/**
 * A new record. A person's own registration starts 待审核 with no code; one made for them by
 * someone else (代为注册) too, under a placeholder openid until they claim it; a team's (集体注册)
 * starts 待激活 under a placeholder openid with the activation given here, reviewed by the importer.
 */
export function newVolunteer(
  fields: RegistrationFields,
  start:
    | { kind: 'registered'; id: string; openid: string }
    | { kind: 'proxy'; id: string; proxy: ProxyRecord }
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
  if (start.kind === 'registered' || start.kind === 'proxy') {
    return {
      ...common,
      _id: start.id,
      ...(start.kind === 'proxy'
        ? { openid: `${UNCLAIMED}${start.id}`, proxy: start.proxy }
        : { openid: start.openid }),
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

/** The caller's own activation code while they are 待激活, for 我的 and nobody else. */
export function ownActivationCode(v: VolunteerDoc): string | null {
  if (v.status !== 'approved' || !v.activation || isUnclaimed(v)) return null
  if (isCodeBatch(v.activation.codeHash)) return batchCode(v._id, v.activation.codeHash)
  if (!v.activation.codeSealed) return null
  return unseal(v.activation.codeSealed, sealedFor(v._id, 'activationCode'))
}

/** A new record id, chosen before the insert so sealed values can be bound to it. */
export const newVolunteerId = () => `vol-${crypto.randomBytes(12).toString('hex')}`
