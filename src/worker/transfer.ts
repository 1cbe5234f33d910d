import * as Comlink from 'comlink';

/** A file's bytes sent to the page by moving their buffer, not copying it (an export can be tens of MB). */
export function transferBytes(bytes: Uint8Array): Uint8Array {
  return Comlink.transfer(bytes, [bytes.buffer]);
}
