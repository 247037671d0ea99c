import type { ReviewItem } from '../../types/api'
import { answerCloud, openPage, waitFor, wx, type RenderedPage } from './simulator'

const heshan = { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' as const }
const item = (volunteerId: string, name: string): ReviewItem => ({
  volunteerId,
  name,
  gender: 'male',
  employer: '赫山区第一中学',
  position: '物理教师',
  team: heshan,
  submittedAt: '2024-09-01T06:05:00.000Z',
  resubmitted: false,
  revision: 3,
})

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

beforeEach(() => {
  wx.cloud.callFunction.mockReset()
  wx.navigateTo.mockClear()
  // The batch confirm dialog: the admin taps 通过.
  wx.showModal.mockImplementation((opts: { success?: (r: unknown) => void } = {}) => {
    opts.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false })
  })
})

test('the production review page lists the queue and batch-approves the selection through wx.cloud', async () => {
  const approve = jest.fn(() => ({
    ok: true as const,
    data: {
      done: ['v-a'],
      failed: [{ volunteerId: 'v-b', code: 'CONFLICT', message: '该注册已被其他管理员处理，请刷新列表' }],
    },
  }))
  answerCloud({
    'admin.reviewQueue': { ok: true, data: { items: [item('v-a', '李明'), item('v-b', '王芳')], nextCursor: null } },
    'admin.approve': approve,
  })
  page = openPage('packages/admin/pages/review/index')
  await waitFor(() => expect(page!.text()).toContain('王芳'))
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({
    name: 'admin',
    data: { action: 'reviewQueue', data: { limit: 20 } },
  })
  expect(page.text()).toContain('赫山区第一中学 · 物理教师')

  await page.tap('全选')
  await waitFor(() => expect(page!.text()).toContain('批量通过（2）'))
  await page.tap('批量通过（2）')
  await waitFor(() => expect(approve).toHaveBeenCalledTimes(1))
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({
    name: 'admin',
    data: {
      action: 'approve',
      data: {
        items: [
          { volunteerId: 'v-a', revision: 3 },
          { volunteerId: 'v-b', revision: 3 },
        ],
      },
    },
  })
  await waitFor(() => expect(page!.text()).toContain('王芳：该注册已被其他管理员处理，请刷新列表'))
})

test('a tap on a registration opens its detail page in the admin subpackage', async () => {
  answerCloud({ 'admin.reviewQueue': { ok: true, data: { items: [item('v-a', '李明')], nextCursor: null } } })
  page = openPage('packages/admin/pages/review/index')
  await waitFor(() => expect(page!.text()).toContain('李明'))
  await page.tap('李明')
  await waitFor(() => expect(wx.navigateTo).toHaveBeenCalledTimes(1))
  expect(wx.navigateTo.mock.calls[0][0]).toMatchObject({
    url: '/packages/admin/pages/review-detail/index?volunteerId=v-a',
  })
})

test('the production 待激活 page lists the people and re-issues a code, showing an unclaimed one once', async () => {
  const reissue = jest.fn(() => ({ ok: true as const, data: { volunteerId: 'v-a', code: '135790', days: 7 } }))
  answerCloud({
    'admin.pendingActivation': {
      ok: true,
      data: {
        items: [
          {
            volunteerId: 'v-a',
            name: '李明',
            team: heshan,
            imported: true,
            issuedAt: '2026-11-28T02:00:00.000Z',
            codeAgeDays: 3,
            expired: false,
            locked: true,
          },
        ],
        nextCursor: null,
      },
    },
    'admin.reissueCode': reissue,
  })
  page = openPage('packages/admin/pages/pending/index')
  await waitFor(() => expect(page!.text()).toContain('集体注册，尚未认领'))
  expect(page.text()).toContain('已锁定')
  await page.tap('重发激活码')
  await waitFor(() => expect(reissue).toHaveBeenCalledTimes(1))
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({
    name: 'admin',
    data: { action: 'reissueCode', data: { volunteerId: 'v-a' } },
  })
  await waitFor(() => expect(page!.text()).toContain('135790'))
})
