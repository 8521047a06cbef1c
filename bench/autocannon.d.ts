// The further part of autocannon's API that bench/state.ts uses, merged into scripts/autocannon.d.ts.
declare module 'autocannon' {
  interface Request {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface Options {
    requests?: Array<{ method?: string; setupRequest?: (request: Request) => Request }>;
  }
  interface Result {
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }
}
