/** Why an input cannot be used. The CLI maps every code to exit status 3. */
export type InputErrorCode =
  | 'not-found'
  | 'is-directory'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'unsupported-format'
  | 'no-text-layer'
  | 'encrypted'
  | 'corrupt';

/** An input that cannot be parsed at all: unreadable, empty, binary, too large. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
