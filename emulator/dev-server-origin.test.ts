import { foreignRequest } from './dev-server'

const req = (headers: Record<string, string>) => ({ headers })

describe('dev server: only loopback and same-machine pages', () => {
  it.each([
    [{ host: '127.0.0.1:8686' }],
    [{ host: 'localhost:8686', origin: 'http://localhost:8686' }],
    [{ host: '[::1]:8686', origin: 'http://[::1]:8686', 'sec-fetch-site': 'same-origin' }],
  ])('serves %j', (headers) => {
    expect(foreignRequest(req(headers))).toBeNull()
  })

  it.each([
    [{ host: 'evil.example:8686' }],
    [{ host: '127.0.0.1.nip.io:8686' }],
    [{}],
    [{ host: '127.0.0.1:8686', origin: 'https://evil.example' }],
    [{ host: '127.0.0.1:8686', origin: 'null' }],
    [{ host: '127.0.0.1:8686', 'sec-fetch-site': 'cross-site' }],
  ])('refuses %j', (headers) => {
    expect(foreignRequest(req(headers))).not.toBeNull()
  })
})
