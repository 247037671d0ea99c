import { db } from '../core/db'
import { createHandler } from '../core/handler'
import { platform } from '../core/platform'
import { volunteerRepository } from '../core/repositories/volunteer.repository'
import { volunteerService } from '../core/services/volunteer.service'

const volunteers = volunteerService(volunteerRepository(db))

/** Volunteer-facing actions: the caller's own registration, activation and profile. */
export const main = createHandler<'volunteer'>('volunteer', { me: (caller) => volunteers.me(caller) }, platform)
