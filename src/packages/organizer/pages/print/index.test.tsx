import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ok } from '../../../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { attendance, attendee } from '../../../../../test/support/checkin-fixtures'
import { findCanvas } from '../../../../components/qr/find-canvas'
import { call } from '../../../../services/client'
import { files } from '../../../../services/files'
import PrintPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('../../../../services/files', () => ({ files: { saveCanvasImage: jest.fn() } }))
jest.mock('../../../../components/qr/find-canvas', () => ({ findCanvas: jest.fn() }))
jest.mock('@tarojs/taro', () => {
  const real = jest.requireActual('../../../../../test/support/taro-mock')
  return { ...real, __esModule: true, default: real.default, useRouter: () => ({ params: { id: 'act-1' }, path: '' }) }
})
const callMock = call as jest.MockedFunction<typeof call>

/** A Canvas 2D node whose context records the squares and text drawn. */
function fakeCanvas() {
  const drawn = { rects: 0, texts: [] as string[] }
  const ctx = {
    fillStyle: '',
    font: '',
    textAlign: '',
    fillRect: () => void drawn.rects++,
    fillText: (t: string) => void drawn.texts.push(t),
    save: () => undefined,
    restore: () => undefined,
    translate: () => undefined,
  }
  const node = { width: 0, height: 0, getContext: () => ctx }
  jest.mocked(findCanvas).mockResolvedValue(node)
  return { node, drawn }
}

beforeEach(() => callMock.mockReset())

test('draws the chosen volunteers’ codes on one sheet and saves it', async () => {
  const { node, drawn } = fakeCanvas()
  answerCalls(callMock, {
    'checkin.attendance': ok(
      attendance({
        rows: [
          attendee({ checkedInAt: '2030-09-20T01:25:00.000Z' }),
          attendee({ ticketId: 'tk-2', nameMasked: '王**', phoneLast4: '1234' }),
          attendee({ ticketId: 'tk-3', nameMasked: '李*', status: 'cancelled' }),
        ],
      }),
    ),
    'checkin.printTokens': ({ ticketIds }) =>
      ok(ticketIds.map((id) => ({ ticketId: id, nameMasked: '王**', token: `KP${id.toUpperCase()}` }))),
  })
  jest.mocked(files.saveCanvasImage).mockResolvedValue({ ok: true, data: undefined })
  render(<PrintPage />)
  // Only confirmed sign-ups can be printed.
  await screen.findByTestId('print-tk-2')
  expect(screen.queryByTestId('print-tk-3')).toBeNull()
  fireEvent.click(screen.getByTestId('select-absent'))
  expect(screen.getByTestId('print-tk-2').getAttribute('aria-checked')).toBe('true')
  expect(screen.getByTestId('print-tk-1').getAttribute('aria-checked')).toBe('false')
  await act(async () => {
    fireEvent.click(screen.getByTestId('generate-sheet'))
  })
  expect(sent(callMock, 'checkin.printTokens')).toEqual([{ activityId: 'act-1', ticketIds: ['tk-2'] }])
  await waitFor(() => expect(drawn.texts).toContain('王**'))
  expect(drawn.rects).toBeGreaterThan(100)
  expect(node.width).toBe(1280)
  await act(async () => {
    fireEvent.click(screen.getByTestId('save-sheet'))
  })
  expect(files.saveCanvasImage).toHaveBeenCalledWith(node, '签到码-防灾减灾科普进社区.png')
  expect(screen.getByText('已保存，可打印后发给志愿者')).toBeTruthy()
})

test('generating needs a choice first', async () => {
  answerCalls(callMock, { 'checkin.attendance': ok(attendance()) })
  render(<PrintPage />)
  expect((await screen.findByTestId('generate-sheet')).hasAttribute('disabled')).toBe(true)
})
