import { leaderWarnings } from './teams'

describe('leaderWarnings', () => {
  it('asks a society detachment for its 支队长 and 3–5 deputies', () => {
    expect(leaderWarnings('society', false, 2)).toEqual(['尚未设置支队长', '副支队长一般为 3–5 名，现有 2 名'])
  })
  it('is quiet for a county team with a leader and 2 deputies', () => {
    expect(leaderWarnings('county', true, 2)).toEqual([])
  })
  it('warns a county team with 4 deputies', () => {
    expect(leaderWarnings('county', true, 4)).toEqual(['副队长一般为 2–3 名，现有 4 名'])
  })
  it('has no rule for a township sub-team', () => {
    expect(leaderWarnings('township', false, 0)).toEqual([])
  })
})
