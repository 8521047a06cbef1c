// A small HTTP client for the mock's tests: node:http on a keep-alive agent, with full control of
// headers and raw bodies (malformed JSON, wrong content types, preflights).
import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: any;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** Sent as JSON (with `content-type: application/json` unless a content-type is given). */
  body?: unknown;
  /** Sent as is. */
  rawBody?: string;
}

export function createClient(baseUrl: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const call = (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...options.headers };
    let payload: string | undefined = options.rawBody;
    if (payload === undefined && options.body !== undefined) {
      payload = JSON.stringify(options.body);
      if (!Object.keys(headers).some(name => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    return new Promise((resolve, reject) => {
      const req = request(`${baseUrl}${path}`, { method, headers, agent }, res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers: flat, text, json });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
  return { call, close: () => agent.destroy() };
}
