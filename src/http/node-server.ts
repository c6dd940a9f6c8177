import { createServer, type RequestListener, type Server } from 'node:http'
import { getRequestListener } from '@hono/node-server'

/** What the Node server needs of the app. */
export interface NodeServable {
  fetch: (request: Request) => Response | Promise<Response>
  withKeptPagesFirst: (listener: RequestListener) => RequestListener
}

/**
 * The app as a Node HTTP server (not yet listening): Hono's request listener, with the
 * page cache's answers before it. `hostname` stands in for a missing Host header.
 */
export function createNodeServer(app: NodeServable, hostname?: string): Server {
  return createServer(app.withKeptPagesFirst(getRequestListener(app.fetch, { hostname })))
}
