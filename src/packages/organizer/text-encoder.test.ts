/** @jest-environment node */
import { TextEncoder as NodeEncoder } from 'node:util'
import { Utf8Encoder } from './text-encoder'

test('encodes as UTF-8 exactly as the platform TextEncoder does', () => {
  for (const s of ['', 'kepu-yiyang-ticket', '科普益阳 · 签到', 'é', '𠀀😀', 'a\u0800b\u07ffc']) {
    expect(Array.from(new Utf8Encoder().encode(s))).toEqual(Array.from(new NodeEncoder().encode(s)))
  }
})
