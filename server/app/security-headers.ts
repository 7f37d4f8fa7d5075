import { secureHeaders } from 'hono/secure-headers'

/**
 * Security headers on every answer: a strict CSP for the editor (own scripts, styles inline for
 * React Flow and Monaco, workers from blob: for Monaco, no framing), nosniff, no referrer, no
 * framing (old browsers' X-Frame-Options too).
 * @example app.use('*', securityHeaders())
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
  })
}
