import fc from 'fast-check'
import { beforeAll, expect, it } from 'vitest'
import { SessionStore } from '../../src/accounts/sessions.js'
import { createTestApp, generousLimits, signedUpClient, type TestApp } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

// Every operation the API describes in its own OpenAPI document (so routes added later
// are covered without a change here) gets arbitrary path parameters, query strings,
// bodies and headers, logged in or not. Whatever arrives, the answer is never a 5xx,
// and every 4xx is a problem document.

interface Operation {
  method: string
  path: string
  query: string[]
  hasBody: boolean
  bodyFields: string[]
}

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string }[]
        requestBody?: {
          content: Record<string, { schema?: { properties?: object; $ref?: string } }>
        }
      }
    >
  >
  components?: { schemas?: Record<string, { properties?: object }> }
}

function operationsOf(doc: OpenApi): Operation[] {
  const operations: Operation[] = []
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const schema = operation.requestBody?.content['application/json']?.schema
      const named = schema?.$ref
        ? doc.components?.schemas?.[schema.$ref.split('/').at(-1) ?? '']
        : schema
      operations.push({
        method: method.toUpperCase(),
        path,
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        hasBody: operation.requestBody !== undefined,
        bodyFields: Object.keys(named?.properties ?? {}),
      })
    }
  }
  return operations
}

// Strings that have broken parsers before: bad escapes, nulls, traversal, huge text.
const nastyStrings = [
  '%',
  '%ZZ',
  '%E0%A4%A',
  '%00',
  '..',
  '../../etc/passwd',
  '\u0000',
  '\ud800',
  'null',
  '-1',
  '1e309',
  '9007199254740993',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  'x'.repeat(5000),
  '😀'.repeat(200),
  'ｆｕｌｌ　ｗｉｄｔｈ',
]

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...nastyStrings))

const hugeNumbers = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -0,
  0.1,
  101,
  -1,
  2 ** 31,
)
const anyValue = fc.oneof(fc.jsonValue(), text, hugeNumbers)

function bodyFor(operation: Operation) {
  const shaped =
    operation.bodyFields.length > 0
      ? fc.record(Object.fromEntries(operation.bodyFields.map((field) => [field, anyValue])), {
          requiredKeys: [],
        })
      : fc.dictionary(fc.string(), anyValue)
  return fc.oneof(
    shaped.map((value) => JSON.stringify(value)),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    // Raw text: broken JSON, numbers JSON cannot hold, odd encodings.
    fc.constantFrom(
      '{"score": 1e999999}',
      '{"movieId": "1", "score": 123456789012345678901234567890}',
      '{"a":',
      '[',
      '',
      'null',
      '"\\ud800"',
      '\u0000',
      `{"displayName": "${'a'.repeat(70_000)}"}`,
    ),
    text,
  )
}

const oddHeaderNames = [
  'x-request-id',
  'cookie',
  'origin',
  'sec-fetch-site',
  'x-forwarded-for',
  'accept',
  'content-length',
]

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json; charset=utf-16',
  undefined,
)

function queryFor(operation: Operation) {
  const known = operation.query.length > 0 ? fc.constantFrom(...operation.query) : fc.string()
  const pair = fc.tuple(fc.oneof(known, fc.string()), text)
  return fc.oneof(
    fc.array(pair, { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString()),
    // Raw, not encoded: bad escapes, repeated and bracketed names.
    fc.constantFrom('q=%', 'cursor=%ZZ', 'q=a&q=b', 'a[]=1&a[]=2', 'limit=-1', 'limit=1e9', '&&=&'),
  )
}

/** Encoded for a URL; a lone surrogate becomes the bytes of one, which is not UTF-8. */
function encodePathPart(raw: string): string {
  try {
    return encodeURIComponent(raw)
  } catch {
    return '%ED%A0%80'
  }
}

function pathFor(operation: Operation, known: string[]) {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '')
  const value = fc.oneof(
    text.map(encodePathPart),
    fc.constantFrom(...nastyStrings.slice(0, 5)),
    fc.constantFrom(...known),
  )
  return fc.tuple(...names.map(() => value)).map((values) => {
    let path = operation.path
    names.forEach((name, index) => {
      path = path.replace(`{${name}}`, values[index] || 'x')
    })
    return `/api/v1${path}`
  })
}

describeEachDatabase('API under arbitrary input', (database) => {
  let app: TestApp
  let operations: Operation[]
  let known: string[]
  let sessionCookie: () => Promise<string>

  beforeAll(async () => {
    app = createTestApp(database().db, generousLimits)
    operations = operationsOf(await (await app.request('/api/v1/openapi.json')).json())
    const { client, account } = await signedUpClient(app)
    const search = await (await client.get('/api/v1/movies/search?q=the')).json()
    const movieId = String(search.items?.[0]?.id ?? 'vega-0000000000')
    const rated = await client.json('POST', '/api/v1/ratings', { movieId, score: 80 })
    const ratingId = rated.status === 201 ? String((await rated.json()).id) : 'none'
    known = [account.handle, movieId, ratingId]

    // A fresh session for each run: a run may log out or change what the last one did.
    const me = await (await client.get('/api/v1/me')).json()
    const users = await database()
      .db.selectFrom('users')
      .select('id')
      .where('handle', '=', me.user.handle)
      .executeTakeFirstOrThrow()
    const sessions = new SessionStore(database().db, 1)
    sessionCookie = async () => `session=${(await sessions.create(users.id, Date.now())).token}`
  })

  it('reads every operation from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15)
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('POST /ratings')
  })

  it('never answers 5xx, and answers every 4xx with a problem document', async () => {
    const request = fc.constantFrom(...operations).chain((operation) =>
      fc.record({
        operation: fc.constant(operation),
        path: pathFor(operation, known),
        query: queryFor(operation),
        body:
          operation.hasBody || operation.method !== 'GET'
            ? fc.option(bodyFor(operation))
            : fc.constant(null),
        contentType: contentTypes,
        language: fc.option(fc.oneof(fc.constantFrom('ja', 'en', '*', 'zz-ZZ;q=2'), fc.string())),
        isLoggedIn: fc.boolean(),
        oddHeader: fc.option(fc.tuple(fc.constantFrom(...oddHeaderNames), text)),
      }),
    )

    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const headers = new Headers()
        if (input.contentType) headers.set('content-type', input.contentType)
        if (input.language !== null) {
          try {
            headers.set('accept-language', input.language)
          } catch {
            // Not a value a header can carry: send none.
          }
        }
        if (input.oddHeader) {
          try {
            headers.set(...input.oddHeader)
          } catch {
            // Not a value a header can carry.
          }
        }
        if (input.isLoggedIn) headers.set('cookie', await sessionCookie())
        const url = `http://localhost${input.path}${input.query ? `?${input.query}` : ''}`
        const method = input.operation.method
        const body = method === 'GET' || input.body === null ? undefined : input.body
        const response = await app.request(url, { method, headers, body })

        const what = `${method} ${url} → ${response.status}`
        expect(response.status, what).toBeLessThan(500)
        if (response.status >= 400) {
          expect(response.headers.get('content-type'), what).toMatch(/^application\/problem\+json/)
          const problem = await response.json()
          expect(problem, what).toMatchObject({ status: response.status, type: expect.any(String) })
        } else {
          await response.arrayBuffer()
        }
      }),
      { numRuns: 300 },
    )
  }, 60_000)
})
