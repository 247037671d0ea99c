import { decode, parse, stringify } from './ejson'
import { decodeCommApiData, encodeCommOpenApiResp, parseMultipart } from './openapi'

describe('extended JSON', () => {
  const now = Date.UTC(2025, 0, 1)

  it('decodes what the SDK sends: typed numbers, dates, regexps, ObjectIds, server dates', () => {
    const text = JSON.stringify({
      i: { $numberInt: '1' },
      l: { $numberLong: '9007199254740991' },
      d: { $numberDouble: '-Infinity' },
      at: { $date: { $numberLong: '5' } },
      re: { $regularExpression: { pattern: '^a', options: 'i' } },
      id: { $oid: '5f1b2c3d4e5f6a7b8c9d0e1f' },
      s: { $tcb_server_date: { offset: { $numberInt: '1000' } } },
      q: { $gt: { $numberInt: '2' } },
      list: [{ $numberInt: '3' }],
    })
    expect(parse(text, { now })).toEqual({
      i: 1,
      l: 9007199254740991,
      d: -Infinity,
      at: new Date(5),
      re: /^a/i,
      id: '5f1b2c3d4e5f6a7b8c9d0e1f',
      s: new Date(now + 1000),
      q: { $gt: 2 },
      list: [3],
    })
  })

  it('encodes dates so that the SDK parses them back into dates', () => {
    const value = { at: new Date(7), n: 1.5, nested: [{ at: new Date(8) }], inf: Infinity, skip: undefined }
    expect(JSON.parse(stringify(value))).toEqual({
      at: { $date: { $numberLong: '7' } },
      n: 1.5,
      nested: [{ at: { $date: { $numberLong: '8' } } }],
      inf: { $numberDouble: 'Infinity' },
    })
    expect(decode(JSON.parse(stringify(value)), { now })).toEqual({
      at: new Date(7),
      n: 1.5,
      nested: [{ at: new Date(8) }],
      inf: Infinity,
    })
  })

  it('refuses malformed text and types it cannot represent', () => {
    expect(() => parse('{', { now })).toThrow(/malformed/)
    expect(() => parse(JSON.stringify({ b: { $binary: { base64: '', subType: '00' } } }), { now })).toThrow(
      /not supported/,
    )
  })
})

describe('openapi envelope', () => {
  // protobufjs (wx-server-sdk's own encoder library) writes the reference bytes.
  const { Writer } = require('protobufjs/minimal')

  it('decodes the parameters of a call', () => {
    const pair = (k: string, v: string) =>
      Writer.create().uint32(10).string(k).uint32(18).bytes(Buffer.from(v)).finish()
    const openapi = Writer.create()
    for (const p of [pair('touser', '"o1"'), pair('data', '{"thing1":{"value":"hi"}}')]) openapi.uint32(10).bytes(p)
    const buf = Buffer.from(
      Writer.create().uint32(8).int32(0).uint32(18).bytes(openapi.finish()).uint32(50).string('wxabc').finish(),
    )
    expect(decodeCommApiData(buf)).toEqual({
      apiType: 0,
      appid: 'wxabc',
      params: { touser: 'o1', data: { thing1: { value: 'hi' } } },
    })
  })

  it('encodes an answer as protobufjs does, negative error codes included', () => {
    expect(encodeCommOpenApiResp({ errorCode: -604101 })).toEqual(
      Buffer.from(Writer.create().uint32(24).int32(-604101).finish()),
    )
    const expected = Writer.create()
      .uint32(10)
      .bytes(Buffer.from('{}'))
      .uint32(18)
      .string('application/json')
      .uint32(32)
      .uint32(200)
      .finish()
    expect(
      encodeCommOpenApiResp({ respData: Buffer.from('{}'), contentType: 'application/json', httpCode: 200 }),
    ).toEqual(Buffer.from(expected))
  })

  it('reads multipart fields, binary ones intact', () => {
    const bin = Buffer.from([0, 1, 2, 13, 10, 45, 45])
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n'),
      Buffer.from(
        '--XyZ\r\nContent-Disposition: form-data; name="requestData"\r\nContent-Type: application/octet-stream\r\n\r\n',
      ),
      bin,
      Buffer.from('\r\n--XyZ--\r\n'),
    ])
    const fields = parseMultipart(body, 'multipart/form-data; boundary=XyZ')
    expect(fields.action.toString()).toBe('wx.openApi')
    expect(fields.requestData).toEqual(bin)
  })
})
