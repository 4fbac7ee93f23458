/**
 * Keys that make a money operation safe to retry: one key per intended recharge, payment or
 * refund, reused when the same request is sent again after a timeout, so the server runs it once.
 *
 * Built from `crypto.getRandomValues`, not `crypto.randomUUID`: the latter exists only in secure
 * contexts, and store tablets often reach Tessera over plain http on the shop's network.
 */
export function newIdempotencyKey(
  operation: string,
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (bytes) => crypto.getRandomValues(bytes),
): string {
  const bytes = random(new Uint8Array(16))
  return `spa-${operation}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}
