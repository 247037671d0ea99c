import type { RoleGrant } from '../../types/api'
import { invalidating, ROLE_CACHE_MS, roleCache } from './role-cache'

const ORGANIZER: RoleGrant = { role: 'organizer', team: { id: 't1', name: '赫山区科技志愿者队', kind: 'county' } }

function setup() {
  let now = 1_000_000
  let held: RoleGrant[] = [ORGANIZER]
  const load = jest.fn(async () => held)
  const cache = roleCache(load, () => now)
  return {
    cache,
    load,
    revoke: () => (held = []),
    advance: (ms: number) => (now += ms),
  }
}

describe('roleCache', () => {
  it('reads a person’s grants once while they are fresh', async () => {
    const s = setup()
    await s.cache.get('o-1')
    s.advance(ROLE_CACHE_MS - 1)
    expect(await s.cache.get('o-1')).toEqual([ORGANIZER])
    expect(s.load).toHaveBeenCalledTimes(1)
  })

  it('reads them again once the TTL has passed, so a revoke elsewhere holds within it', async () => {
    const s = setup()
    await s.cache.get('o-1')
    s.revoke()
    s.advance(ROLE_CACHE_MS)
    expect(await s.cache.get('o-1')).toEqual([])
    expect(s.load).toHaveBeenCalledTimes(2)
  })

  it('forgets everything when cleared', async () => {
    const s = setup()
    await s.cache.get('o-1')
    s.revoke()
    s.cache.clear()
    expect(await s.cache.get('o-1')).toEqual([])
  })

  it('does not remember a failed read', async () => {
    const s = setup()
    s.load.mockRejectedValueOnce(new Error('timeout'))
    await expect(s.cache.get('o-1')).rejects.toThrow('timeout')
    expect(await s.cache.get('o-1')).toEqual([ORGANIZER])
  })

  it('does not keep an answer of no grants, so a new grant works at once', async () => {
    const s = setup()
    s.revoke()
    expect(await s.cache.get('o-1')).toEqual([])
    await s.cache.get('o-1')
    expect(s.load).toHaveBeenCalledTimes(2)
  })

  it('keeps people apart', async () => {
    const s = setup()
    await s.cache.get('o-1')
    await s.cache.get('o-2')
    expect(s.load.mock.calls).toEqual([['o-1'], ['o-2']])
  })
})

describe('invalidating', () => {
  const repo = {
    read: async () => 1,
    write: async () => 2,
    fail: async (): Promise<void> => Promise.reject(new Error('x')),
  }

  it('clears after every method that is not a listed read, even one that fails', async () => {
    const forget = jest.fn()
    const r = invalidating(repo, ['read'], forget)
    expect(await r.read()).toBe(1)
    expect(forget).not.toHaveBeenCalled()
    expect(await r.write()).toBe(2)
    expect(forget).toHaveBeenCalledTimes(1)
    await expect(r.fail()).rejects.toThrow('x')
    expect(forget).toHaveBeenCalledTimes(2)
  })
})
