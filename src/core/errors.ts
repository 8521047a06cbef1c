// Every error the mock answers by itself, worded once: the status, the code and the sentence. The
// envelope around them is the owning service's (services.ts); the pipeline picks which one applies.
import { validationStatus, type ServiceError, type ServiceName, type ValidationProblem } from './services.js';

/** `rule_executions` -> `rule executions`. */
const kindName = (collection: string) => collection.replace(/_/g, ' ');

/** The sentence above a validation error's details: which part of the request is at fault. */
function validationSummary(details: ValidationProblem[]): string {
  const inParameters = details.filter((detail) => detail.in !== undefined).length;
  if (inParameters === 0) return 'The request body is invalid.';
  return inParameters === details.length ? 'The request parameters are invalid.' : 'The request parameters and body are invalid.';
}

export const errors = {
  unauthorized(service: ServiceName): ServiceError {
    return { status: 401, code: 'unauthorized', message: service === 'comms' ? 'Missing or invalid access token.' : 'Missing or invalid API key.' };
  },
  forbidden(): ServiceError {
    return { status: 403, code: 'forbidden', message: 'This API key does not have the required permission.' };
  },
  validation(service: ServiceName, details: ValidationProblem[], message = validationSummary(details)): ServiceError {
    return { status: validationStatus(service), code: 'validation_error', message, details };
  },
  idempotencyKeyMismatch(difference: string): ServiceError {
    return { status: 400, code: 'idempotency_key_mismatch', message: `This Idempotency-Key was already used with ${difference}.` };
  },
  routeNotFound(method: string, path: string): ServiceError {
    return { status: 404, code: 'route_not_found', message: `No operation is documented at ${method} ${path}.` };
  },
  malformedPath(path: string, segment: string): ServiceError {
    return { status: 404, code: 'route_not_found', message: `The path ${path} is not valid percent-encoding ("${segment}"), so it names no resource.` };
  },
  methodNotAllowed(method: string, path: string, allowed: string[]): ServiceError {
    return { status: 405, code: 'method_not_allowed', message: `${path} does not accept ${method}; it accepts ${allowed.join(', ')}.` };
  },
  unsupportedMediaType(received: string | undefined, supported: string[]): ServiceError {
    return {
      status: 415,
      code: 'unsupported_media_type',
      message: `The request body must be sent as ${supported.join(' or ')}${received ? `, not ${received}` : ' (Content-Type is missing)'}.`,
    };
  },
  bodyNotAccepted(method: string, path: string): ServiceError {
    return { status: 415, code: 'unsupported_media_type', message: `${method} ${path} takes no request body.` };
  },
  payloadTooLarge(limit: number): ServiceError {
    return { status: 413, code: 'payload_too_large', message: `The request body is larger than ${limit} bytes.` };
  },
  notAcceptable(accept: string, available: string[]): ServiceError {
    return {
      status: 406,
      code: 'not_acceptable',
      message: `No response matches Accept: ${accept}; this operation answers ${available.join(', ') || 'no body'}.`,
    };
  },
  tooManyResources(collection: string, owner: string, limit: number, option: string): ServiceError {
    return {
      status: 507,
      code: 'too_many_resources',
      message: `This mock stores at most ${limit} ${kindName(collection)} per ${owner}: reset its space (POST /__mock/reset) or start the mock with a larger ${option}.`,
    };
  },
  tooManySpaces(limit: number, option: string): ServiceError {
    return {
      status: 507,
      code: 'too_many_spaces',
      message: `This mock stores at most ${limit} caller spaces (organizations and bearer tokens), all in use: an admin can reset them (POST /__mock/reset?all=true), or start the mock with a larger ${option}.`,
    };
  },
  resourceTooLarge(collection: string, bytes: number, limit: number, option: string): ServiceError {
    return {
      status: 413,
      code: 'resource_too_large',
      message: `This change would store ${bytes} bytes in one of the ${kindName(collection)}; this mock stores at most ${limit} bytes per resource (${option}).`,
    };
  },
  internal(message: string): ServiceError {
    return { status: 500, code: 'internal_error', message };
  },
};
