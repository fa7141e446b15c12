// The planning engine's one error type: bad input, reported as one line that names the field.
// The CLI prints it and exits 2; the app shows it to the person who supplied the input.

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}
