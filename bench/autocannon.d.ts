// The further part of autocannon's API that bench/state.ts uses, merged into scripts/autocannon.d.ts.
declare module 'autocannon' {
  interface Options {
    /** Stop after this many requests instead of after `duration`. */
    amount?: number;
    requests?: Array<{ method?: string; setupRequest?: (request: { path: string; method?: string }) => { path: string; method?: string } }>;
  }
  interface Result {
    timeouts: number;
  }
}
