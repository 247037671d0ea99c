import { act, render, screen } from '@testing-library/react'
import * as taro from '@tarojs/taro'
import { elder, ok, ticket } from '../../../../../test/support/activity-fixtures'
import { resetStorage } from '../../../../../test/support/taro-mock'
import { call } from '../../../../services/client'
import { holdBrightScreen } from '../../../../services/screen'
import { loadTickets, saveTickets } from '../../../../services/ticket-store'
import { findCanvas } from '../../../../components/qr/find-canvas'
import { qrModules } from '../../../../components/qr/qr'
import TicketPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('../../../../services/screen', () => ({ holdBrightScreen: jest.fn() }))
jest.mock('../../../../components/qr/find-canvas', () => ({ findCanvas: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>
const release = jest.fn()

/** A Canvas 2D node whose context records the squares drawn. */
function fakeCanvas() {
  const rects: { style: unknown; x: number; y: number; w: number }[] = []
  const ctx = {
    fillStyle: '' as unknown,
    fillRect(x: number, y: number, w: number) {
      rects.push({ style: ctx.fillStyle, x, y, w })
    },
  }
  return { canvas: { width: 0, height: 0, getContext: () => ctx }, rects }
}

const OFFLINE = { ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' } as const
let canvas: ReturnType<typeof fakeCanvas>

beforeEach(() => {
  callMock.mockReset()
  resetStorage()
  release.mockReset()
  jest.mocked(holdBrightScreen).mockReset().mockResolvedValue(release)
  canvas = fakeCanvas()
  jest.mocked(findCanvas).mockReset().mockResolvedValue(canvas.canvas)
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'tk-1' }, path: '' } as never)
})
afterEach(() => jest.restoreAllMocks())

async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10))
  })
}

test('draws the token as a QR code with the masked name, title and time, on a bright screen', async () => {
  callMock.mockResolvedValue(ok({ items: [ticket()], nextCursor: null }))
  const view = render(<TicketPage />)
  expect((await screen.findByTestId('ticket-name')).textContent).toBe('刘*')
  await settle()
  expect(callMock).toHaveBeenCalledWith('activity.mine', { tab: 'upcoming', limit: 50 })
  expect(screen.getByTestId('ticket-token').textContent).toBe('KPYY1-TICKET-TOKEN-0001')
  expect(document.body.textContent).toContain('防灾减灾科普进社区')
  expect(document.body.textContent).toContain('9月20日 周五 09:30–12:30')

  expect(findCanvas).toHaveBeenCalledWith('#ticket-qr')
  const qr = qrModules('KPYY1-TICKET-TOKEN-0001')
  let dark = 0
  for (let r = 0; r < qr.size; r++) for (let c = 0; c < qr.size; c++) if (qr.dark(r, c)) dark++
  expect(canvas.rects.filter((x) => x.style === '#000000')).toHaveLength(dark)
  expect(canvas.canvas.width).toBeGreaterThan(0)

  expect(holdBrightScreen).toHaveBeenCalledTimes(1)
  view.unmount()
  expect(release).toHaveBeenCalledTimes(1)
})

test('opens from the copy on the phone when offline', async () => {
  await saveTickets([ticket()], new Date('2030-09-01T00:00:00.000Z'))
  callMock.mockResolvedValue(OFFLINE)
  render(<TicketPage />)
  expect(await screen.findByTestId('offline')).toBeTruthy()
  expect(screen.getByTestId('ticket-token').textContent).toBe('KPYY1-TICKET-TOKEN-0001')
  await settle()
  expect(canvas.rects.length).toBeGreaterThan(1)
})

test('opens a family member’s code kept from the last answer when offline, apart from the caller’s own', async () => {
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'tk-e1', elder: '1' }, path: '' } as never)
  const mine = ticket({ id: 'tk-e1', nameMasked: '王**', token: 'KPYY1-ELDER-TOKEN' })
  callMock.mockResolvedValue(ok({ elders: [elder({ tickets: [mine] })] }))
  const online = render(<TicketPage />)
  expect((await screen.findByTestId('ticket-name')).textContent).toBe('王**')
  expect(callMock).toHaveBeenCalledWith('activity.elders', {})
  online.unmount()
  expect(await loadTickets()).toEqual([])

  callMock.mockResolvedValue(OFFLINE)
  render(<TicketPage />)
  expect(await screen.findByTestId('offline')).toBeTruthy()
  expect(screen.getByTestId('ticket-token').textContent).toBe('KPYY1-ELDER-TOKEN')
})

test('offline without a kept copy says so and offers 重试', async () => {
  callMock.mockResolvedValue(OFFLINE)
  render(<TicketPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用')
  expect(holdBrightScreen).not.toHaveBeenCalled()
})

test('a ticket that is no longer among the upcoming ones is not found', async () => {
  callMock.mockResolvedValue(ok({ items: [], nextCursor: null }))
  render(<TicketPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('找不到这张签到码')
})

test('a waitlisted ticket has no code', async () => {
  callMock.mockResolvedValue(ok({ items: [ticket({ status: 'waitlisted', token: null })], nextCursor: null }))
  render(<TicketPage />)
  expect((await screen.findByTestId('no-code')).textContent).toBe('候补中，没有签到码')
  expect(screen.queryByTestId('ticket-qr')).toBeNull()
})
