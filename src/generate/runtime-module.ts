// Writes generated/validators/runtime.js: src/validation/standalone-runtime.ts and what it imports
// bundled by esbuild into one ES module, so the generated validators report with the very code the
// mock and compileValidators() run. Ajv's and ajv-formats' CommonJS helpers stay imports of the packages.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = 'src/validation/standalone-runtime.ts';

export interface RuntimeModule {
  code: string;
  /** The names the module exports. */
  exports: string[];
}

export function bundleRuntime(): RuntimeModule {
  const result = buildSync({
    entryPoints: [ENTRY],
    // Paths in esbuild's comments are relative to the project, so the output is the same on every machine.
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['ajv', 'ajv/*', 'ajv-formats', 'ajv-formats/*'],
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  const [meta] = Object.values(result.metafile.outputs);
  return { code: output.text, exports: [...meta.exports].sort() };
}
