// Error bodies in each service's own envelope: which service owns a path, and how it words an error.

/** The three services of the contract, named after their `x-tagGroups` group ("Rules service"...). */
export type ServiceName = 'rules' | 'sequences' | 'comms';

export const SERVICE_NAMES: readonly ServiceName[] = ['rules', 'sequences', 'comms'];

/**
 * One problem with a request, as the contract's ValidationProblem: a JSON pointer into the body, or
 * for a parameter `in` its location and the pointer `/<name>`.
 */
export interface ProblemDetail {
  in?: 'path' | 'query' | 'header';
  pointer: string;
  message: string;
}

/** An error the mock answers by itself (not from an example of the spec). */
export interface ServiceError {
  status: number;
  code: string;
  message: string;
  details?: ProblemDetail[];
}

/** The status each service documents for an invalid request (Comms documents 422, the others 400). */
export function validationStatus(service: ServiceName): number {
  return service === 'comms' ? 422 : 400;
}

/** The error body of `service` for `error`, in that service's documented envelope. */
export function errorBody(service: ServiceName, error: ServiceError): unknown {
  const details = error.details && error.details.length > 0 ? { details: error.details } : {};
  switch (service) {
    case 'rules':
      return { error: { code: error.code, message: error.message, ...details } };
    case 'sequences':
      // The service publishes `{success: false, error: "<message>"}`; the contract adds `code` and `details`.
      return { success: false, error: error.message, code: error.code, ...details };
    case 'comms':
      return { error: error.code, message: error.message, ...details };
  }
}

/** The errors the mock answers itself, worded once so tests and docs can refer to them. */
export const errors = {
  unauthorized(service: ServiceName): ServiceError {
    const message =
      service === 'rules'
        ? 'Missing or invalid API key.'
        : service === 'sequences'
          ? 'Missing or invalid API key.'
          : 'Missing or invalid access token.';
    return { status: 401, code: 'unauthorized', message };
  },
  forbidden(): ServiceError {
    return { status: 403, code: 'forbidden', message: 'This API key does not have the required permission.' };
  },
  validation(service: ServiceName, details: ProblemDetail[], message = 'The request is invalid.'): ServiceError {
    return { status: validationStatus(service), code: 'validation_error', message, details };
  },
  idempotencyKeyMismatch(): ServiceError {
    return {
      status: 400,
      code: 'idempotency_key_mismatch',
      message: 'This Idempotency-Key was already used with a different request body.',
    };
  },
  routeNotFound(method: string, path: string): ServiceError {
    return { status: 404, code: 'route_not_found', message: `No operation is documented at ${method} ${path}.` };
  },
  methodNotAllowed(method: string, path: string, allowed: string[]): ServiceError {
    return {
      status: 405,
      code: 'method_not_allowed',
      message: `${path} does not accept ${method}; it accepts ${allowed.join(', ')}.`,
    };
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
  internal(message: string): ServiceError {
    return { status: 500, code: 'internal_error', message };
  },
};
