import '../../../../../test/support/text-encoder'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { editView, input, ok, fail } from '../../../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { outcome, pack, signer } from '../../../../../test/support/checkin-fixtures'
import { resetStorage } from '../../../../../test/support/taro-mock'
import { emitNetwork } from '../../../../../test/support/network-mock'
import type { ScanInput } from '../../../../../types/api'
import { call } from '../../../../services/client'
import { scanner } from '../../../../services/scanner'
import { uploadQueue } from '../../checkin/upload-queue'
import ScanPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('../../../../services/network', () => require('../../../../../test/support/network-mock'))
jest.mock('../../../../services/scanner', () => ({
  scanner: { camera: false, scan: jest.fn(), vibrate: jest.fn() },
}))
const callMock = call as jest.MockedFunction<typeof call>

const s = signer()
const liu = s.token('act-1')
const wang = s.token('act-1')
const gone = s.token('act-1')
const thePack = pack(
  s,
  [
    { tid: liu.tid, ticketId: 'tk-1', nameMasked: '刘*', checkedInAt: null },
    { tid: wang.tid, ticketId: 'tk-2', nameMasked: '王**', checkedInAt: null },
  ],
  { revoked: [gone.tid] },
)

const now = Date.now()
const today = editView({
  stage: 'published',
  status: 'ongoing',
  signedUp: 2,
  input: input({
    title: '防灾减灾科普进社区',
    startAt: new Date(now - 3_600_000).toISOString(),
    endAt: new Date(now + 3_600_000).toISOString(),
  }),
})
const later = editView({
  id: 'act-2',
  stage: 'published',
  status: 'open',
  input: input({
    title: '农技服务下乡',
    startAt: new Date(now + 5 * 86_400_000).toISOString(),
    endAt: new Date(now + 5 * 86_400_000 + 3_600_000).toISOString(),
  }),
})
const draft = editView({ id: 'act-3', input: input({ title: '草稿活动' }) })

function online(over: Parameters<typeof answerCalls>[1] = {}) {
  answerCalls(callMock, {
    'activity.organized': ok({ items: [later, draft, today], nextCursor: null }),
    'checkin.pack': ok(thePack),
    'checkin.scan': ({ scan }) => ok(outcome({ nonce: scan.nonce, ticketId: 'tk-1', nameMasked: '刘*' })),
    'checkin.sync': ({ scans }) =>
      ok({ outcomes: scans.map((x: ScanInput) => outcome({ nonce: x.nonce })), conflicts: [] }),
    ...over,
  })
}

async function typeAndSubmit(text: string) {
  fireEvent.change(screen.getByTestId('scan-text'), { target: { value: text } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('scan-submit'))
  })
}

async function opened() {
  render(<ScanPage />)
  await screen.findByTestId('scan-activity')
  await waitFor(() => expect(screen.getByTestId('pack-status').textContent).toContain('2 人'))
}

beforeEach(() => {
  callMock.mockReset()
  resetStorage()
  uploadQueue.forget()
  jest.mocked(scanner.vibrate).mockClear()
})

test("opens on today's activity, offers the others (not drafts), and shows the count", async () => {
  online()
  await opened()
  expect(screen.getByTestId('scan-activity').textContent).toBe('防灾减灾科普进社区')
  expect(screen.getByTestId('scan-count').textContent).toContain('已签到 0 / 已报名 2')
  fireEvent.click(screen.getByTestId('pick-activity'))
  expect(screen.getByTestId('activity-choices').textContent).toContain('农技服务下乡')
  expect(screen.getByTestId('activity-choices').textContent).not.toContain('草稿活动')
  expect(sent(callMock, 'checkin.pack')).toEqual([{ activityId: 'act-1' }])
})

test('an online scan shows 签到成功 with the masked name, sent with a nonce, the device and the mode', async () => {
  online()
  await opened()
  await typeAndSubmit(`  ${liu.token} `)
  expect(screen.getByTestId('scan-result-title').textContent).toBe('签到成功')
  expect(screen.getByTestId('scan-result').textContent).toContain('刘*')
  const [req] = sent(callMock, 'checkin.scan') as { activityId: string; device: string; scan: ScanInput }[]
  expect(req.activityId).toBe('act-1')
  expect(req.device).toMatch(/^手机 [A-Z0-9]{6}$/)
  expect(req.scan).toMatchObject({ token: liu.token, mode: 'in' })
  expect(req.scan.nonce).toMatch(/^[A-Za-z0-9_-]{8,40}$/)
  expect(screen.getByTestId('scan-count').textContent).toContain('已签到 1 / 已报名 2')
  expect(scanner.vibrate).toHaveBeenCalledWith('short')
  // The field is cleared for the next one.
  expect((screen.getByTestId('scan-text') as HTMLInputElement).value).toBe('')
})

test('a second scan says 已签到 with when and on which phone; refusals show their own title', async () => {
  online({
    'checkin.scan': ({ scan }) =>
      scan.token === liu.token
        ? ok(
            outcome({
              nonce: scan.nonce,
              result: 'already',
              first: { at: new Date().toISOString(), device: 'iPhone 12 K7Q2MX', method: 'scan' },
            }),
          )
        : ok(
            outcome({
              nonce: scan.nonce,
              result: 'refused',
              code: 'TICKET_OTHER_ACTIVITY',
              message: '这是其他活动的签到码',
              nameMasked: null,
            }),
          ),
  })
  await opened()
  await typeAndSubmit(liu.token)
  expect(screen.getByTestId('scan-result-title').textContent).toBe('已签到')
  expect(screen.getByTestId('scan-result').textContent).toContain('iPhone 12 K7Q2MX')
  expect(scanner.vibrate).toHaveBeenLastCalledWith('long')
  await typeAndSubmit('KPOTHER')
  expect(screen.getByTestId('scan-result-title').textContent).toBe('不是本活动的票')
  expect(screen.getByTestId('scan-result').textContent).toContain('这是其他活动的签到码')
})

test('with no network the scan is checked against the pack, queued, and uploaded once when the network returns', async () => {
  online()
  await opened()
  online({ 'checkin.scan': fail('NETWORK', '网络不可用，请稍后重试') })
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  await typeAndSubmit(liu.token)
  expect(screen.getByTestId('scan-result-title').textContent).toBe('签到成功')
  expect(screen.getByTestId('scan-result').textContent).toContain('待上传')
  expect(screen.getByTestId('network-mode').textContent).toBe('离线模式')
  await waitFor(() => expect(screen.getByTestId('pending').textContent).toBe('待上传 1 条'))
  // Offline now: the next scans do not try the cloud.
  await typeAndSubmit(liu.token)
  expect(screen.getByTestId('scan-result-title').textContent).toBe('已签到')
  await typeAndSubmit(gone.token)
  expect(screen.getByTestId('scan-result-title').textContent).toBe('票已取消')
  await typeAndSubmit(s.token('act-9').token)
  expect(screen.getByTestId('scan-result-title').textContent).toBe('不是本活动的票')
  expect(sent(callMock, 'checkin.scan')).toHaveLength(1)
  expect(screen.getByTestId('pending').textContent).toBe('待上传 1 条')

  online()
  await act(async () => emitNetwork(true))
  await waitFor(() => expect(screen.getByTestId('pending').textContent).toBe('待上传 0 条'))
  const syncs = sent(callMock, 'checkin.sync') as { scans: ScanInput[] }[]
  expect(syncs).toHaveLength(1)
  const [offlineScan] = syncs[0].scans
  const [onlineTry] = (sent(callMock, 'checkin.scan') as { scan: ScanInput }[]).map((r) => r.scan)
  // The same nonce and scan time as the try that failed: the server counts it once either way.
  expect(offlineScan).toEqual(onlineTry)
  expect(screen.getByTestId('sync-note').textContent).toBe('已上传 1 条离线扫码')
  expect(screen.getByTestId('network-mode').textContent).toBe('在线')
})

test('the queue survives the page being closed, and 同步 uploads it; conflicts are reported', async () => {
  online()
  await opened()
  fireEvent.click(screen.getByTestId('toggle-offline'))
  await typeAndSubmit(wang.token)
  await waitFor(() => expect(screen.getByTestId('pending').textContent).toBe('待上传 1 条'))
  // The app is killed and opened again.
  uploadQueue.forget()
  online({
    'checkin.sync': ({ scans }) =>
      ok({
        outcomes: scans.map((x: ScanInput) => outcome({ nonce: x.nonce, result: 'already', nameMasked: '王**' })),
        conflicts: [
          {
            ticketId: 'tk-2',
            nameMasked: '王**',
            first: { at: '2030-09-20T01:30:00.000Z', device: '手机 AAAAAA' },
            second: { at: '2030-09-20T01:31:00.000Z', device: '手机 BBBBBB' },
          },
        ],
      }),
  })
  await act(async () => {
    fireEvent.click(screen.getByTestId('sync'))
  })
  await waitFor(() => expect(screen.getByTestId('pending').textContent).toBe('待上传 0 条'))
  expect(screen.getByTestId('sync-reports').textContent).toContain('王** 在两部手机上签到')
  expect(sent(callMock, 'checkin.sync')).toHaveLength(1)
})

test('a failed upload keeps the scans and says so', async () => {
  online()
  await opened()
  fireEvent.click(screen.getByTestId('toggle-offline'))
  await typeAndSubmit(liu.token)
  online({ 'checkin.sync': fail('NETWORK', '网络不可用，请稍后重试') })
  await act(async () => {
    fireEvent.click(screen.getByTestId('sync'))
  })
  expect((await screen.findByTestId('sync-note')).textContent).toContain('1 条扫码保存在手机上')
  expect(screen.getByTestId('pending').textContent).toBe('待上传 1 条')
})

test('with a camera, scans one after another until the camera is closed', async () => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  try {
    Object.assign(scanner, { camera: true })
    jest
      .mocked(scanner.scan)
      .mockResolvedValueOnce({ ok: true, text: liu.token })
      .mockResolvedValueOnce({ ok: true, text: wang.token })
      .mockResolvedValueOnce({ ok: false, cancelled: true, message: '' })
    online()
    render(<ScanPage />)
    await act(async () => {
      await jest.advanceTimersByTimeAsync(50)
    })
    await act(async () => {
      fireEvent.click(screen.getByTestId('scan-button'))
      await jest.advanceTimersByTimeAsync(5000)
    })
    expect(sent(callMock, 'checkin.scan').map((r) => (r as { scan: ScanInput }).scan.token)).toEqual([
      liu.token,
      wang.token,
    ])
    expect(scanner.scan).toHaveBeenCalledTimes(3)
    expect(screen.getByTestId('scan-button').textContent).toBe('扫码签到')
  } finally {
    Object.assign(scanner, { camera: false })
    jest.useRealTimers()
  }
})

test('says when there is nothing to scan for, and shows a failed load with 重试', async () => {
  answerCalls(callMock, { 'activity.organized': ok({ items: [draft], nextCursor: null }) })
  const { unmount } = render(<ScanPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('没有可签到的活动')
  unmount()
  answerCalls(callMock, { 'activity.organized': fail('NETWORK', '网络不可用，请稍后重试') })
  render(<ScanPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用')
})
