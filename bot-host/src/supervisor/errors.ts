// Errors the supervisor throws at its callers; the HTTP layer maps each to one status code.
export class SupervisorError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'SupervisorError';
    this.code = code;
    this.status = status;
  }
}

export const capacityError = (max: number) =>
  new SupervisorError('capacity', 409, `this host runs its maximum of ${max} sessions`);
export const closingError = () => new SupervisorError('shutting_down', 503, 'the host is shutting down');
export const notFoundError = (tenantId: string) =>
  new SupervisorError('not_found', 404, `no session for tenant ${tenantId} on this host`);
export const emulatorOffError = () =>
  new SupervisorError('emulator_off', 404, 'the WhatsApp emulator is not enabled on this host');
