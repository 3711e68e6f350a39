/**
 * Errors that end a request with a status other than 200. The pipeline and an exporter's
 * acquire() throw them; the server maps them to the status and a one-line plain-text body.
 * Anything else thrown while serving is a bug: 500, logged with its stack.
 */
export class RequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The request itself is wrong: bad collect[]/exclude[], a missing probe target, an unknown auth module. */
export class BadRequestError extends RequestError {
  override readonly name = 'BadRequestError';

  constructor(message: string) {
    super(400, message);
  }
}
