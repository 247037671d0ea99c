/**
 * Pins wx-server-sdk's wire format, so an upgrade that changes it fails here, loudly, instead of
 * quietly breaking the local cloud. A capture server answers like the cloud; the SDK runs in a
 * child process with a function's environment; what it sends is compared to the recording below.
 */
import { fork } from 'node:child_process'
import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { decodeCommApiData, encodeCommOpenApiResp, parseMultipart } from '../../emulator/openapi'

interface Captured {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

async function capture(): Promise<Captured[]> {
  const seen: Captured[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body })
      if (req.method === 'PUT') return res.end()
      const type = String(req.headers['content-type'])
      const action = type.startsWith('multipart') ? 'wx.openApi' : JSON.parse(body.toString()).action
      if (action === 'wx.openApi') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        return res.end(
          encodeCommOpenApiResp({
            respData: Buffer.from('{"errcode":0,"errmsg":"ok"}'),
            contentType: 'application/json',
            httpCode: 200,
          }),
        )
      }
      const answers: Record<string, object> = {
        'database.getDocument': { data: { list: ['{"_id":"id1"}'] } },
        'database.insertDocument': { data: { insertedIds: ['new-id'] } },
        'database.modifyDocument': { data: { updated: 1 } },
        'database.removeDocument': { data: { deleted: 1 } },
        'database.calculateDocument': { data: { total: 0 } },
        'database.modifyAndReturnDoc': { data: { updated: 1, doc: '{"_id":"id1"}' } },
        'database.aggregateDocuments': { data: { list: [] } },
        'database.startTransaction': { transactionId: 'tx-1' },
        'storage.getUploadMetadata': {
          data: {
            url: `http://127.0.0.1:${port()}/cos-upload`,
            token: 't',
            authorization: 'a',
            fileId: 'cloud://local.b/dir/file.txt',
            cosFileId: 'c',
          },
        },
        'storage.batchGetDownloadUrl': { data: { download_list: [] } },
        'storage.batchDeleteFile': { data: { delete_list: [] } },
        'functions.invokeFunction': { data: { response_data: '{}' } },
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ requestId: 'r', ...(answers[action] ?? {}) }))
    })
  })
  const port = () => (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const env = {
    ...process.env,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port()}/inv/abc/admin` }),
    TENCENTCLOUD_SECRETID: 'id',
    TENCENTCLOUD_SECRETKEY: 'key',
    TENCENTCLOUD_SESSIONTOKEN: 'token',
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: 'local',
    TCB_ENV: 'local',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    WX_OPENID: 'o-1',
    WX_CONTEXT_KEYS: 'WX_OPENID',
  }
  const child = fork(path.join(__dirname, 'sdk-contract-client.js'), [], { env, stdio: 'pipe' })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += d))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  server.close()
  if (code !== 0) throw new Error(`the SDK client failed: ${stderr}`)
  return seen
}

/** The parts of a request that matter to the local cloud, with per-call noise (signatures, times) left out. */
function normalize(c: Captured): unknown {
  if (c.method === 'PUT') return { PUT: c.path, body: c.body.toString(), key: c.headers.key }
  const type = String(c.headers['content-type'])
  if (type.startsWith('multipart/form-data')) {
    const fields = parseMultipart(c.body, type)
    const { requestData, ...rest } = fields
    return {
      multipart: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.toString()])),
      requestData: decodeCommApiData(requestData),
    }
  }
  const {
    envName,
    wxCloudApiToken,
    wxCloudbaseAccesstoken,
    tcb_sessionToken,
    sessionToken,
    crossAuthorizationToken,
    ...body
  } = JSON.parse(c.body.toString())
  expect({
    envName,
    wxCloudApiToken,
    wxCloudbaseAccesstoken,
    tcb_sessionToken,
    sessionToken,
    crossAuthorizationToken,
  }).toEqual({
    envName: 'local',
    wxCloudApiToken: '',
    wxCloudbaseAccesstoken: '',
    tcb_sessionToken: '',
    sessionToken: 'token',
    crossAuthorizationToken: '',
  })
  return body
}

let seen: Captured[]
beforeAll(async () => {
  seen = await capture()
}, 30_000)

it('is wx-server-sdk 4.0.2 over @cloudbase/node-sdk 3.17.2 and @cloudbase/database 1.4.3', () => {
  const req = createRequire(__filename)
  expect(req('wx-server-sdk/package.json').version).toBe('4.0.2')
  const sdkDir = path.dirname(req.resolve('wx-server-sdk/package.json'))
  const nodeSdk = req.resolve('@cloudbase/node-sdk/package.json', { paths: [sdkDir] })
  expect(req(nodeSdk).version).toBe('3.17.2')
  const database = req.resolve('@cloudbase/database/package.json', { paths: [path.dirname(nodeSdk)] })
  expect(req(database).version).toBe('1.4.3')
})

it('posts every call to the URL of TCB_CONTEXT_CNFG with the function’s source and region', () => {
  for (const c of seen.filter((x) => x.method === 'POST')) {
    expect(c.path).toMatch(/^\/inv\/abc\/admin\?env=local&seqId=[\w-]+$/)
    expect(c.headers).toMatchObject({
      'x-tcb-source': ',scf',
      'x-tcb-region': 'ap-shanghai',
      'x-sdk-version': 'wx-server-sdk/4.0.2',
    })
  }
})

it('sends the recorded request bodies', () => {
  expect(seen.map(normalize)).toEqual(RECORDED)
})

/** Recorded from wx-server-sdk 4.0.2 and checked against the SDK's source. */
const RECORDED: unknown[] = [
  {
    collectionName: 'things',
    queryType: 'WHERE',
    query:
      '{"a":{"$numberInt":"1"},"b":{"$gt":{"$numberInt":"2"}},"at":{"$lt":{"$date":{"$numberLong":"5"}}},"name":{"$regularExpression":{"pattern":"^x","options":"i"}},"f.g":{"$in":["p","q"]}}',
    order: '{"a":{"$numberInt":"-1"},"b":{"$numberInt":"1"}}',
    offset: 5,
    limit: 10,
    projection: '{"a":{"$numberInt":"1"},"secret":{"$numberInt":"0"}}',
    action: 'database.getDocument',
  },
  {
    collectionName: 'things',
    queryType: 'WHERE',
    query: '{"$or":[{"a":{"$numberInt":"1"}},{"b":{"$exists":false}}]}',
    limit: 100,
    action: 'database.getDocument',
  },
  {
    collectionName: 'things',
    query: '{"_id":"id1"}',
    queryType: 'DOC',
    multi: false,
    action: 'database.getDocument',
  },
  {
    collectionName: 'things',
    data: [
      '{"a":{"$numberInt":"1"},"at":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}},"d":{"$date":{"$numberLong":"7"}},"half":{"$numberDouble":"0.5"},"nested":{"x":[{"$numberInt":"1"},"two"]}}',
    ],
    action: 'database.insertDocument',
  },
  {
    collectionName: 'things',
    data: '{"$inc":{"a":{"$numberInt":"1"}},"$set":{"n.x":{"$numberInt":"2"},"t":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}},"n.y":{"$numberInt":"3"}},"$push":{"p":{"$each":["q"]}},"$addToSet":{"u":"v"},"$pull":{"w":"z"},"$unset":{"r":""}}',
    query: '{"_id":"id1"}',
    queryType: 'DOC',
    multi: false,
    merge: true,
    upsert: false,
    action: 'database.modifyDocument',
  },
  {
    collectionName: 'things',
    queryType: 'DOC',
    data: '{"a":{"$numberInt":"1"}}',
    multi: false,
    merge: false,
    upsert: true,
    query: '{"_id":"id1"}',
    action: 'database.modifyDocument',
  },
  {
    collectionName: 'things',
    queryType: 'WHERE',
    multi: true,
    merge: true,
    upsert: false,
    data: '{"$set":{"b":{"$numberInt":"2"}}}',
    query: '{"a":{"$numberInt":"1"}}',
    action: 'database.modifyDocument',
  },
  {
    collectionName: 'things',
    query: '{"a":{"$numberInt":"1"}}',
    queryType: 'WHERE',
    multi: true,
    action: 'database.removeDocument',
  },
  {
    collectionName: 'things',
    query: '{"_id":"id1"}',
    queryType: 'DOC',
    multi: false,
    action: 'database.removeDocument',
  },
  {
    collectionName: 'things',
    queryType: 'WHERE',
    query: '{"a":{"$numberInt":"1"}}',
    action: 'database.calculateDocument',
  },
  {
    collectionName: 'things',
    queryType: 'WHERE',
    data: '{"$inc":{"b":{"$numberInt":"1"}},"$set":{"c":"x"}}',
    query: '{"a":{"$numberInt":"1"}}',
    action: 'database.modifyAndReturnDoc',
  },
  {
    collectionName: 'things',
    stages: [
      {
        stageKey: '$match',
        stageValue: '{"a":{"$gt":{"$numberInt":"1"}}}',
      },
      {
        stageKey: '$group',
        stageValue: '{"_id":"$a","n":{"$sum":{"$numberInt":"1"}}}',
      },
      {
        stageKey: '$sort',
        stageValue: '{"n":{"$numberInt":"-1"}}',
      },
      {
        stageKey: '$limit',
        stageValue: '5',
      },
    ],
    action: 'database.aggregateDocuments',
  },
  {
    collectionName: 'made',
    action: 'database.addCollection',
  },
  {
    action: 'database.startTransaction',
  },
  {
    collectionName: 'things',
    query: '{"_id":"id1"}',
    transactionId: 'tx-1',
    queryType: 'DOC',
    multi: false,
    action: 'database.getDocument',
  },
  {
    collectionName: 'things',
    data: ['{"a":{"$numberInt":"2"}}'],
    transactionId: 'tx-1',
    action: 'database.insertDocument',
  },
  {
    collectionName: 'things',
    transactionId: 'tx-1',
    data: '{"$set":{"a":{"$numberInt":"3"}}}',
    query: '{"_id":"id1"}',
    queryType: 'DOC',
    multi: false,
    merge: true,
    upsert: false,
    action: 'database.modifyDocument',
  },
  {
    collectionName: 'things',
    queryType: 'DOC',
    data: '{"a":{"$numberInt":"4"}}',
    transactionId: 'tx-1',
    multi: false,
    merge: false,
    upsert: true,
    query: '{"_id":"id2"}',
    action: 'database.modifyDocument',
  },
  {
    collectionName: 'things',
    transactionId: 'tx-1',
    query: '{"_id":"id3"}',
    queryType: 'DOC',
    multi: false,
    action: 'database.removeDocument',
  },
  {
    transactionId: 'tx-1',
    action: 'database.commitTransaction',
  },
  {
    action: 'database.startTransaction',
  },
  {
    transactionId: 'tx-1',
    action: 'database.abortTransaction',
  },
  {
    action: 'storage.getUploadMetadata',
    path: 'dir/file.txt',
    method: 'put',
  },
  {
    PUT: '/cos-upload',
    body: 'content',
    key: 'dir%2Ffile.txt',
  },
  {
    action: 'storage.batchGetDownloadUrl',
    file_list: [
      {
        fileid: 'cloud://local.b/dir/file.txt',
      },
      {
        fileid: 'cloud://x.y/other.txt',
        max_age: 60,
      },
    ],
  },
  {
    action: 'storage.batchDeleteFile',
    fileid_list: ['cloud://local.b/dir/file.txt'],
  },
  {
    action: 'functions.invokeFunction',
    function_name: 'other',
    request_data: '{"x":1}',
  },
  {
    multipart: {
      action: 'wx.openApi',
      apiName: 'subscribeMessage.send',
      envName: 'local',
      wxCloudApiToken: '',
      wxCloudbaseAccesstoken: '',
      tcb_sessionToken: '',
      sessionToken: 'token',
      crossAuthorizationToken: '',
    },
    requestData: {
      apiType: 0,
      params: {
        touser: 'o-1',
        page: 'pages/me/index',
        data: {
          thing1: {
            value: '你好',
          },
        },
        template_id: 'tmpl',
        miniprogram_state: 'formal',
      },
    },
  },
]
