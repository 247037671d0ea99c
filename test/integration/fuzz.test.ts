/**
 * Property-based fuzzing of every action's payload (fast-check), as several kinds of caller: no
 * answer is INTERNAL, every code is one of the contract's, and a refused call writes nothing.
 */
import fc from 'fast-check'
import type { ActionName } from '../../types/api'
import { ErrorCode } from '../../types/result'
import { schemas } from '../../types/schemas'
import { startTestCloud, type TestCloud } from '../support/dev-cloud'
import { snapshot } from '../support/snapshot'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

const CALLERS = ['demo-owner', 'demo-heshan-admin', 'demo-organizer', 'demo-active', 'wx-fuzz-stranger']
const CODES = new Set<string>(Object.values(ErrorCode))

/** Hostile payloads: anything at all, objects with the right keys and wrong values, prototype keys. */
const payload = fc.oneof(
  fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
  fc.dictionary(
    fc.constantFrom(
      'teamId',
      'volunteerId',
      'fileID',
      'code',
      'idNumber',
      'items',
      'name',
      '__proto__',
      'constructor',
      '$where',
    ),
    fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant({ $ne: null }),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.constant('team-heshan'),
    ),
  ),
)

const actions = Object.keys(schemas) as ActionName[]

describe.each(actions)('%s', (action) => {
  it('never answers INTERNAL, answers with a contract code, and writes nothing when it refuses', async () => {
    const [fn, name] = action.split('.')
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALLERS), payload, async (openid, data) => {
        const before = snapshot(cloud)
        const r = (await cloud.raw(openid, fn, { action: name, data })) as { ok?: boolean; code?: string }
        expect(r).toHaveProperty('ok')
        if (r.ok) return
        expect(r.code).not.toBe('INTERNAL')
        expect(CODES.has(String(r.code))).toBe(true)
        expect(snapshot(cloud)).toBe(before)
      }),
      { numRuns: 6 },
    )
  }, 60_000)
})
