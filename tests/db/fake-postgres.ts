// A stand-in PostgreSQL server that rejects every password with SQLSTATE 28P01. The real server here
// trusts 127.0.0.1, so a wrong password cannot be provoked there; this speaks just enough of the wire
// protocol (startup -> AuthenticationCleartextPassword -> ErrorResponse) for `pg` to see the real thing.
import { createServer, type Server } from 'node:net'

const message = (type: string, body: Buffer) => {
  const header = Buffer.alloc(5)
  header.write(type, 0)
  header.writeInt32BE(body.length + 4, 1)
  return Buffer.concat([header, body])
}
const int32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255])
const fields = (pairs: [string, string][]) =>
  Buffer.concat([...pairs.map(([k, v]) => Buffer.from(`${k}${v}\0`)), Buffer.from([0])])

export interface FakePostgres {
  readonly url: string
  close(): Promise<void>
}

/** Listens on 127.0.0.1 (random port); `url` has user `app` and password `wrong`. */
export async function startWrongPasswordServer(): Promise<FakePostgres> {
  const server: Server = createServer((socket) => {
    let startupSeen = false
    socket.on('data', () => {
      if (!startupSeen) {
        startupSeen = true
        socket.write(message('R', int32(3))) // AuthenticationCleartextPassword
        return
      }
      const error = fields([['S', 'FATAL'], ['V', 'FATAL'], ['C', '28P01'], ['M', 'password authentication failed for user "app"']])
      socket.end(message('E', error))
    })
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `postgresql://app:wrong@127.0.0.1:${port}/pika`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
