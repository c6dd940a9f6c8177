import type { MiddlewareHandler } from 'hono'
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely'
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import { answeringRoute } from '../http/request-context.js'

const httpBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const queryBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1]
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * The process's metrics in Prometheus form: requests by method, route pattern and
 * status with their latency, database query durations by kind, and prom-client's
 * defaults (event-loop lag, memory, CPU, handles). Labels are patterns, never paths,
 * so their number stays small.
 */
export class Metrics {
  readonly registry = new Registry()
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'Requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  })
  private readonly requestSeconds = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: httpBuckets,
    registers: [this.registry],
  })
  private readonly querySeconds = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Time from sending a database query to its result (a pool wait included), by kind.',
    labelNames: ['kind'] as const,
    buckets: queryBuckets,
    registers: [this.registry],
  })

  constructor() {
    collectDefaultMetrics({ register: this.registry })
  }

  /** Counts and times every request that passes through it. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const started = performance.now()
      await next()
      const method = knownMethods.has(c.req.method) ? c.req.method : 'OTHER'
      const seconds = (performance.now() - started) / 1000
      this.observe(method, answeringRoute(c) || 'unmatched', c.res.status, seconds)
    }
  }

  /** Counts and times one answered request (for those answered before the app). */
  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status }
    this.requests.inc(labels)
    this.requestSeconds.observe(labels, seconds)
  }

  /** A Kysely plugin that times each query: give the app `db.withPlugin(it)`. */
  queryTimer(): KyselyPlugin {
    const started = new WeakMap<object, { at: number; kind: string }>()
    const histogram = this.querySeconds
    return {
      transformQuery(args: PluginTransformQueryArgs) {
        started.set(args.queryId, { at: performance.now(), kind: kindOf(args.node.kind) })
        return args.node
      },
      async transformResult(args: PluginTransformResultArgs) {
        const start = started.get(args.queryId)
        if (start) {
          started.delete(args.queryId)
          histogram.observe({ kind: start.kind }, (performance.now() - start.at) / 1000)
        }
        return args.result
      },
    }
  }

  /** The text a Prometheus server scrapes. */
  async text(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType }
  }
}

const kinds: Record<string, string> = {
  SelectQueryNode: 'select',
  InsertQueryNode: 'insert',
  UpdateQueryNode: 'update',
  DeleteQueryNode: 'delete',
  RawNode: 'raw',
}

const kindOf = (nodeKind: string) => kinds[nodeKind] ?? 'other'
