/** Runs `read` and returns the InputError it throws (any other outcome fails the test). */
import { InputError } from '../../src/engine';

export function inputError(read: () => unknown): InputError {
  try {
    read();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
