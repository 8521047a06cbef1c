// What the generated validator modules import at run time; generated/validators/runtime.js is this
// file bundled: the answers of results.ts, and the CommonJS helpers Ajv's standalone code requires.
import * as equalNamespace from 'ajv/dist/runtime/equal.js';
import * as ucs2lengthNamespace from 'ajv/dist/runtime/ucs2length.js';
import * as formatsNamespace from 'ajv-formats/dist/formats.js';

export { ANY_BODY, lookUp, NO_BODY, parametersResult, requestResult, responseResult, schemaResult } from './results.js';

// Node hands `import *` of a CommonJS module over as { default: module.exports }, bundlers as module.exports.
function commonJsExports(namespace: any): any {
  return namespace.default && namespace.default.__esModule ? namespace.default : namespace;
}

// Each `require("<module>")` of Ajv's standalone code becomes one of these (see STANDALONE_REQUIRES in
// src/generate/validators-code.ts).
export const ajvEqual = /* @__PURE__ */ commonJsExports(equalNamespace);
export const ajvUcs2length = /* @__PURE__ */ commonJsExports(ucs2lengthNamespace);
export const ajvFormats = /* @__PURE__ */ commonJsExports(formatsNamespace);
