// The three services of the contract and how each words an error: the one list of services, and the
// one place where an error body is put in its service's envelope.

export type ServiceName = 'rules' | 'sequences' | 'comms';

/** In the order the contract presents them; a path's `x-service` names one of them. */
export const SERVICE_NAMES: readonly ServiceName[] = ['rules', 'sequences', 'comms'];

export const SERVICE_TITLES: Record<ServiceName, string> = { rules: 'Rules', sequences: 'Sequences', comms: 'Comms' };

export function isServiceName(value: unknown): value is ServiceName {
  return typeof value === 'string' && (SERVICE_NAMES as readonly string[]).includes(value);
}

/**
 * One problem with a request, as the contract's ValidationProblem: a JSON pointer into the body, or
 * for a parameter `in` its location and the pointer `/<name>`.
 */
export interface ValidationProblem {
  in?: 'path' | 'query' | 'header';
  pointer: string;
  message: string;
}

/** An error the mock answers by itself (not from an example of the spec). */
export interface ServiceError {
  status: number;
  code: string;
  message: string;
  details?: ValidationProblem[];
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
