/** Valid inputs to start each test from; a test changes only the field it is about. */
import { idCardCheckChar } from '../../types/idcard'
import type { Registration } from '../../types/registration'

/** A valid ID number for a birth date; an odd sequence gives a man, an even one a woman. */
export function makeIdNumber(birth = '19850312', seq = 3, area = '430902'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`
  return first17 + idCardCheckChar(first17)
}

export const validRegistration = (over: Partial<Registration> = {}): Registration => ({
  name: '李明',
  gender: 'male',
  idNumber: makeIdNumber(),
  employer: '赫山区第一中学',
  position: '物理教师',
  skills: ['lecture'],
  skillsOther: '',
  specialty: '',
  availability: { slots: ['weekend'], note: '' },
  mobile: '13807371001',
  source: 'teacher',
  teamId: 'team-heshan',
  consent: true,
  ...over,
})

/** The i-th of a run of distinct valid ID numbers (one birth day each, from 1970-01-01). */
export function nthIdNumber(i: number, seq = 101): string {
  const birth = new Date(Date.UTC(1970, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, '')
  return makeIdNumber(birth, seq)
}
