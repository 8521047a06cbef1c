// The Node door: a node:http server that turns each request into a MockRequest, hands it to the core
// and writes back what the core answers. It reads bodies up to the core's limit and nothing more.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseQuery, type MockRequest, type MockResponse } from '../../core/http.js';
import type { Mock } from '../../core/mock.js';
import { ListenError } from './startup-errors.js';

export interface HttpServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Bodies above this many bytes are not read (the core answers 413). */
  maxBodyBytes: number;
  /** Called once per answered request with a short line (method, path, status, time, request id). */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

type BodyRead = { body: string | undefined; tooLarge: boolean };

function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  const length = request.headers['content-length'];
  if (length === '0' || (length === undefined && request.headers['transfer-encoding'] === undefined)) {
    return Promise.resolve({ body: undefined, tooLarge: false });
  }
  if (length !== undefined && Number(length) > limit) {
    request.resume();
    return Promise.resolve({ body: undefined, tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? { body: undefined, tooLarge: true } : { body: Buffer.concat(chunks).toString('utf8'), tooLarge: false }));
    request.on('error', reject);
  });
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function toMockRequest(request: IncomingMessage, maxBodyBytes: number): Promise<MockRequest> {
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const { body, tooLarge } = await readBody(request, maxBodyBytes);
  return {
    method: request.method ?? 'GET',
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    query: queryStart === -1 ? {} : parseQuery(url.slice(queryStart + 1)),
    headers: headersOf(request),
    ...(body !== undefined ? { body } : {}),
    ...(tooLarge ? { bodyTooLarge: true } : {}),
  };
}

function write(response: ServerResponse, answer: MockResponse): void {
  const headers: Record<string, string | number> = { ...answer.headers };
  if (answer.body !== undefined) headers['Content-Length'] = Buffer.byteLength(answer.body);
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

/** The request listener of the Node door; the core answers every request, even its own failures. */
export function createListener(mock: Mock, options: Pick<HttpServerOptions, 'maxBodyBytes' | 'log'>) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    toMockRequest(request, options.maxBodyBytes)
      .then((mockRequest) => mock.handle(mockRequest))
      .then(
        (answer) => {
          write(response, answer);
          options.log?.(`${request.method} ${request.url} ${answer.status} ${(performance.now() - started).toFixed(1)} ms ${answer.headers['X-Request-ID'] ?? ''}`);
        },
        // Only reading the request can fail here (the client went away): nobody is left to answer.
        () => response.destroy(),
      );
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const where = `${host}:${port}`;
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} is already in use on ${host} (stop the other server, or pick another with --port / PORT)`
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? `cannot listen on ${where}: no such address on this machine (--host / HOST)`
            : error.code === 'EACCES'
              ? `cannot listen on ${where}: permission denied (ports below 1024 need privileges)`
              : `cannot listen on ${where}: ${error.message}`;
      reject(new ListenError(reason));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export async function serve(mock: Mock, options: HttpServerOptions): Promise<RunningServer> {
  const server = createServer({ keepAliveTimeout: 65_000 }, createListener(mock, options));
  const host = options.host ?? '127.0.0.1';
  const address = await listen(server, options.port ?? 4010, host);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
