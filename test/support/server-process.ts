import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// The built server (`npm run build` first) as a child process, the way it runs in
// production: for what only a real process shows (signals, crashes, restarts).

const mainScript = fileURLToPath(new URL('../../dist/server/main.js', import.meta.url))

export interface LogLine {
  msg: string
  [field: string]: unknown
}

export interface ServerProcess {
  child: ChildProcess
  /** `http://127.0.0.1:<port>`, read from the 'listening' log line. */
  url: string
  port: number
  /** Every JSON log line so far. */
  lines: LogLine[]
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Resolves with the first log line with this message (waiting for it if need be). */
  waitForLine(msg: string, timeoutMs?: number): Promise<LogLine>
}

/** Starts `node dist/server/main.js` on an ephemeral port with the environment given. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  if (!existsSync(mainScript)) throw new Error('the server is not built: run `npm run build`')
  const child = spawn(process.execPath, [mainScript], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: LogLine[] = []
  const waiters: (() => void)[] = []
  let pending = ''
  let errors = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString()
    const complete = pending.split('\n')
    pending = complete.pop() ?? ''
    for (const text of complete) {
      if (!text.trim()) continue
      try {
        lines.push(JSON.parse(text) as LogLine)
      } catch {
        lines.push({ msg: text })
      }
    }
    for (const wake of waiters.splice(0)) wake()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const wake of waiters.splice(0)) wake()
      resolve({ code, signal })
    })
  })
  let hasExited = false
  void exited.then(() => {
    hasExited = true
  })

  const waitForLine = async (msg: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs
    while (true) {
      const found = lines.find((line) => line.msg === msg)
      if (found) return found
      if (hasExited || Date.now() > deadline) {
        throw new Error(`no '${msg}' log line; stderr: ${errors}; lines: ${JSON.stringify(lines)}`)
      }
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 100)
      })
    }
  }

  const listening = await waitForLine('listening')
  const port = Number(listening.port)
  return { child, url: `http://127.0.0.1:${port}`, port, lines, exited, waitForLine }
}
