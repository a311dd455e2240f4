/**
 * An error written for the reader (what is wrong, where, how to fix it). Its stack is
 * emptied: Astro prints the message, and no trace into the handbook's own code, which
 * would bury the message and is no use to an author.
 */
export function userError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}
