import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Once per run: builds dist/ (the tests spawn the compiled CLI and pack it) and starts the
    // PostgreSQL server the storage tests share.
    globalSetup: ['test/support/global-setup.ts'],
    // Two files at a time even on 2 cores (vitest's default there is one): many files spend their
    // time waiting on a child process (a mock, npm, PostgreSQL, Chromium) rather than computing.
    maxWorkers: 2,
    // The files of one worker share its loaded modules rather than importing the generated validators,
    // Prism and the rest again for each file (a quarter of the run on 2 cores). No file leaves global
    // state behind (a spy or an environment variable is restored in its own hooks), and each passes
    // alone and in a shuffled order (`npx vitest run --sequence.shuffle.files`).
    isolate: false,
    // Servers and browsers started by tests need more than the default 5 s to come up on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
