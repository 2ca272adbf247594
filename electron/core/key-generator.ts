import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 40 base62 characters carry 40 × log2(62) ≈ 238 bits, above the 190 bits we promise. */
export const GENERATED_BODY_LENGTH = 40;

/** Uniform base62 by rejection sampling: bytes ≥ 248 (4 × 62) are dropped so no character is favoured. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export function generateSecret(prefix: string): string {
  return prefix + randomBase62(GENERATED_BODY_LENGTH);
}

export function generateKeyId(): string {
  return randomBytes(8).toString('hex');
}
