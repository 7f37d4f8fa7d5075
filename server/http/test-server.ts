import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the stub server saw. */
export interface SeenRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * Starts a real HTTP server on 127.0.0.1 (or another loopback address; a random port) for tests; `handler` answers each request.
 * @example const stub = await startStub((req, res) => res.end('ok')); await stub.close()
 */
export async function startStub(
  handler: (req: SeenRequest, res: http.ServerResponse) => void,
  host = '127.0.0.1',
): Promise<{ url: string; port: number; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      seen.push(entry)
      handler(entry, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://${host}:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
