/** Secrets at rest: credential encryption, password hashing, tokens. */
export { type Cipher, createCipher, DecryptError, type Encrypted } from './cipher.ts'
export {
  type LoadSecretKeyOptions,
  loadSecretKey,
  SECRET_KEY_ENV,
  type SecretKey,
  secretKeyFrom,
} from './key.ts'
export { burnPasswordCheck, hashPassword, verifyPassword } from './password.ts'
export { generateToken, hashToken } from './token.ts'
