/**
 * The real Tessera server for a browser run: a throwaway SQLite database under a temporary
 * folder, migrated and loaded with the demo brand, listening on a free port and serving the
 * console from frontend/dist (the Makefile builds it first). `restart` stops the server and starts
 * it again on the same port and database, as a deploy or a crash would; open websockets drop.
 * Live connections re-check their session every 2 s (30 s in production), so a revoked session
 * shows within a test's patience.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export interface Backend {
  url: string
  restart: () => Promise<void>
  stop: () => Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))))
    })
  })
}

async function waitUntilUp(url: string, server: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 200))
  }
  throw new Error(`Tessera did not start:\n${await readFile(log, 'utf8').catch(() => '')}`)
}

export async function startBackend(): Promise<Backend> {
  const python = process.env['TESSERA_PYTHON'] ?? join(REPO, '.venv/bin/python')
  const tessera = join(dirname(python), 'tessera')
  const varDir = await mkdtemp(join(tmpdir(), 'tessera-e2e-'))
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TESSERA_VAR_DIR: varDir,
    TESSERA_DATABASE_URL: `sqlite://${varDir}/tessera.sqlite3`,
    TESSERA_SECRET_KEY: randomBytes(32).toString('hex'),
    TESSERA_HOST: '127.0.0.1',
    TESSERA_PORT: String(port),
    TESSERA_ENV: 'development',
    TESSERA_LIVE_RECHECK_SECONDS: '2',
  }
  delete env['TESSERA_REDIS_URL']
  const run = promisify(execFile)
  await run(tessera, ['migrate'], { cwd: REPO, env })
  await run(tessera, ['seed-demo'], { cwd: REPO, env })
  const log = join(varDir, 'server.log')
  const output = createWriteStream(log)
  const url = `http://127.0.0.1:${port}`

  async function serve(): Promise<ChildProcess> {
    const server = spawn(tessera, ['serve'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] })
    server.stdout?.pipe(output, { end: false })
    server.stderr?.pipe(output, { end: false })
    try {
      await waitUntilUp(url, server, log)
    } catch (error) {
      server.kill('SIGKILL') // a server that comes up after all must not outlive the run
      throw error
    }
    return server
  }

  async function halt(server: ChildProcess): Promise<void> {
    if (server.exitCode !== null) return
    const exited = new Promise((done) => server.once('exit', done))
    server.kill('SIGTERM')
    const stuck = setTimeout(() => server.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(stuck)
  }

  let server = await serve()
  return {
    url,
    async restart() {
      await halt(server)
      server = await serve()
    },
    async stop() {
      await halt(server)
      output.end()
      await rm(varDir, { recursive: true, force: true })
    },
  }
}
