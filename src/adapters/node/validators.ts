// TEMPORARY (replaced when the generator's validateParameters and compileValidators land): the
// validators' API over today's generated/validators.js, with parameters checked by Ajv at run time.
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import * as generated from '../../../generated/validators.js';
import { followRefs, type Contract } from '../../core/contract.js';
import type { ContractValidators, ValidationResult } from '../../core/validation.js';

const rename = (result: { valid: boolean; errors?: Array<{ path: string; message: string }> }): ValidationResult =>
  result.valid ? { valid: true } : { valid: false, errors: result.errors!.map((e) => ({ pointer: e.path, message: e.message })) };

export function validatorsFor(document: unknown, contract: Contract): ContractValidators {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: true });
  ajvFormats.default(ajv);
  const checks = new Map(contract.operations.map((op) => [op.operationId, op.parameters.filter((p) => p.in !== 'cookie').map((p) => ({ ...p, check: ajv.compile(p.schema ? followRefs(document, p.schema).value : {}) }))]));
  return {
    validateRequest: (id, body) => rename(generated.validateRequest(id as never, body) as never),
    validateResponse: (id, status, body) => rename(generated.validateResponse(id as never, status, body) as never),
    validateParameters(id, parameters) {
      const values = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown>, header: {} as Record<string, unknown> };
      const errors = [];
      for (const p of checks.get(id) ?? []) {
        const source = p.in === 'header' ? parameters.header ?? {} : p.in === 'path' ? parameters.path ?? {} : parameters.query ?? {};
        const raw = (source as Record<string, unknown>)[p.in === 'header' ? p.name.toLowerCase() : p.name];
        if (raw === undefined) {
          if (p.required) errors.push({ in: p.in as 'query', pointer: `/${p.name}`, message: `Required ${p.in} parameter "${p.name}" is missing.` });
          continue;
        }
        const holder = { v: raw };
        const check = ajv.compile({ type: 'object', properties: { v: p.schema ? followRefs(document, p.schema).value : {} } });
        if (!check(holder)) errors.push({ in: p.in as 'query', pointer: `/${p.name}`, message: `${check.errors![0].message}` });
        else (values[p.in as 'query'] as Record<string, unknown>)[p.name] = holder.v;
      }
      return errors.length ? { valid: false, errors } : { valid: true, values };
    },
  };
}
