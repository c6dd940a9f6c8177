import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, type ClientRequest, type IncomingMessage, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { newAccount } from '../support/app.js'
import { type ServerProcess, startServerProcess } from '../support/server-process.js'

// The built server in a child process, stopped by a signal as an orchestrator would.

const dir = mkdtempSync(join(tmpdir(), 'mymovie-shutdown-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let serial = 0
async function start(env: Record<string, string> = {}) {
  serial += 1
  const databaseUrl = join(dir, `shutdown-${serial}.sqlite`)
  const server = await startServerProcess({ DATABASE_URL: databaseUrl, ...env })
  return { server, databaseUrl }
}

/** A sign-up whose body is only half sent: in flight until `finish` is called. */
function halfSentSignup(server: ServerProcess) {
  const body = JSON.stringify(newAccount())
  let sent: ClientRequest | undefined
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    sent = request(`${server.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    })
    sent.on('response', resolve)
    sent.on('error', reject)
    sent.write(body.slice(0, 20))
  })
  return { response, finish: () => sent?.end(body.slice(20)), account: JSON.parse(body) }
}

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the request in flight, then closes the database', async () => {
    const { server, databaseUrl } = await start()
    const signup = halfSentSignup(server)
    // Time for the headers to arrive; the shutdown line then counts the request in flight.
    await new Promise((resolve) => setTimeout(resolve, 100))

    server.child.kill('SIGTERM')
    const stopping = await server.waitForLine('shutting down')
    expect(stopping).toMatchObject({ reason: 'SIGTERM', requests: 1 })
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()

    signup.finish()
    const response = await signup.response
    expect(response.statusCode).toBe(201)
    expect(response.headers.connection).toBe('close')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(server.lines.at(-1)).toMatchObject({ msg: 'stopped', isClean: true })

    // The acknowledged sign-up is on disk.
    const database = new Database(databaseUrl, { readonly: true })
    const row = database
      .prepare('select handle from users where handle = ?')
      .get(signup.account.handle)
    database.close()
    expect(row).toEqual({ handle: signup.account.handle })
  })

  it('cuts off what is still running at the bound and exits with a failure code', async () => {
    const { server } = await start({ SHUTDOWN_TIMEOUT_SECONDS: '1' })
    const signup = halfSentSignup(server)
    signup.response.catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 100))

    const signalled = Date.now()
    server.child.kill('SIGTERM')
    const exit = await server.exited
    const took = Date.now() - signalled
    expect(exit.code).toBe(1)
    expect(took).toBeGreaterThanOrEqual(900)
    expect(took).toBeLessThan(5000)
    expect(server.lines.map((line) => line.msg)).toContain(
      'requests still running at the deadline; cut off',
    )
    await expect(signup.response).rejects.toThrow()
  })

  it('on SIGINT with only idle kept-alive connections stops at once', async () => {
    const { server } = await start()
    const agent = new Agent({ keepAlive: true })
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(`${server.url}/healthz`, { agent }, (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode))
      })
        .on('error', reject)
        .end()
    })
    expect(status).toBe(200)

    const signalled = Date.now()
    server.child.kill('SIGINT')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    // Well inside the 10-second bound: nothing waited for the idle connection.
    expect(Date.now() - signalled).toBeLessThan(3000)
    agent.destroy()
  })

  it('writes every request line within a couple of seconds, and all by exit', async () => {
    const { server } = await start()
    const ask = async (id: string) => {
      const response = await fetch(`${server.url}/api/v1/users?q=nobody`, {
        headers: { 'x-request-id': id },
      })
      expect(response.status).toBe(200)
    }
    const logged = (id: string) => server.lines.some((line) => line.reqId === id)

    await ask('soon-1')
    const deadline = Date.now() + 3000
    while (!logged('soon-1') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(logged('soon-1')).toBe(true)

    const ids = ['exit-1', 'exit-2', 'exit-3']
    for (const id of ids) await ask(id)
    server.child.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    const order = server.lines.map((line) => line.reqId ?? line.msg)
    for (const id of ids) expect(order.indexOf(id), id).toBeGreaterThan(-1)
    expect(order.indexOf('exit-3')).toBeLessThan(order.indexOf('stopped'))
    expect(server.lines.find((line) => line.reqId === 'exit-2')).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/v1/users',
      status: 200,
    })
  })
})
