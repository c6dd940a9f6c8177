import { Writable } from 'node:stream'
import { expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/env.js'
import { readAssetManifest } from '../../src/http/assets.js'
import { createLogger } from '../../src/logging/logger.js'
import { publicDir } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

describeEachDatabase('unexpected errors', (database) => {
  function appThatFails() {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const config = loadConfig({ LOG_LEVEL: 'info' })
    const logger = createLogger(config, sink)
    const assets = readAssetManifest(publicDir)
    const app = createApp({ config, db: database().db, logger, publicDir, assets })
    const fail = () => {
      throw new Error('select secret_column from hidden_table')
    }
    app.get('/api/v1/explode', fail)
    app.get('/explode', fail)
    return { app, lines }
  }

  it('answers a generic 500 problem with a request id and logs the cause', async () => {
    const { app, lines } = appThatFails()
    const response = await app.request('/api/v1/explode', {
      headers: { 'x-request-id': 'abc-123' },
    })
    expect(response.status).toBe(500)
    const body = await response.text()
    expect(body).not.toMatch(/secret_column|hidden_table|at .*\.ts/)
    expect(JSON.parse(body)).toMatchObject({ status: 500, requestId: 'abc-123' })
    const log = lines.map((line) => JSON.parse(line))
    const error = log.find((entry) => entry.msg === 'unexpected error')
    expect(error?.reqId).toBe('abc-123')
    expect(error?.err.message).toContain('secret_column')
    const request = log.find((entry) => entry.msg === 'request failed')
    expect(request).toMatchObject({
      level: 50,
      status: 500,
      method: 'GET',
      route: '/api/v1/explode',
    })
  })

  it('shows an error page without details to a browser', async () => {
    const { app } = appThatFails()
    const response = await app.request('/explode', { headers: { 'accept-language': 'en' } })
    expect(response.status).toBe(500)
    const page = await response.text()
    expect(page).toContain('Something went wrong')
    expect(page).toMatch(/Reference: [\w-]+/)
    expect(page).not.toContain('secret_column')
  })
})
