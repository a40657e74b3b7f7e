import { randomBytes } from 'node:crypto';

/** 96 random bits as base64url: unguessable, url-safe, and inside the contract's [A-Za-z0-9_-]{1,64}. */
export function newInstanceId(): string {
  return randomBytes(12).toString('base64url');
}
