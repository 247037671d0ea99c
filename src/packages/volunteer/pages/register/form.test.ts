import { idCardCheckChar } from '../../../../../types/idcard'
import { emptyForm, fieldErrors, type FormState } from './form'

const id = (first17: string) => first17 + idCardCheckChar(first17)

const adult: FormState = {
  ...emptyForm,
  name: '李明',
  idNumber: id('43090219850312031'),
  employer: '赫山区农业农村局',
  position: '高级农艺师',
  skills: ['agriculture'],
  slots: ['weekend'],
  mobile: '13807371001',
  source: 'teacher',
  teamId: 'team-heshan',
  consent: true,
}

test('a complete adult registration has no field errors (no guardian asked for)', () => {
  expect(fieldErrors(adult)).toEqual({})
})

test('a minor without a guardian’s consent is told at that field', () => {
  const year = new Date().getFullYear() - 10
  const minor = { ...adult, idNumber: id(`430902${year}0312031`) }
  expect(fieldErrors(minor)).toEqual({ guardianConsent: '未满 18 周岁，须经监护人同意后注册' })
  expect(fieldErrors({ ...minor, guardianConsent: true })).toEqual({})
})
