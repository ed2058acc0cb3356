/** An error a researcher can act on: `code` is stable for scripts, `message` says what and why. */
export class ThematicError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ThematicError';
    this.code = code;
  }
}
