import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import { describeError } from '../lib/describe-error.ts'

/**
 * What the login form says when logging in fails.
 * @example loginErrorMessage(new ApiError(401, 'BAD_CREDENTIALS', '…')) // 'Wrong user name or password.'
 */
export function loginErrorMessage(err: unknown): string {
  if (err instanceof ApiError && err.status === 401) return 'Wrong user name or password.'
  if (err instanceof ApiError && err.status === 429) {
    const wait = err.retryAfterSec
    if (wait === undefined) return 'Too many failed logins. Try again later.'
    const when = wait >= 90 ? `${Math.ceil(wait / 60)} minutes` : `${wait} second${wait === 1 ? '' : 's'}`
    return `Too many failed logins. Try again in ${when}.`
  }
  if (err instanceof ApiError && err.status === 422) return 'Enter a user name and a password.'
  return describeError(err).message
}

/** The login form: focus starts on the user name and moves to the password after a failure. */
export function LoginPage() {
  const login = useSession((s) => s.login)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const userRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  useEffect(() => userRef.current?.focus(), [])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!username.trim()) return userRef.current?.focus()
    if (!password) return passwordRef.current?.focus()
    setBusy(true)
    setError(undefined)
    try {
      await login(username.trim(), password)
    } catch (err) {
      setError(loginErrorMessage(err))
      setPassword('')
      passwordRef.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="login">
      <form className="card stack" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">Sign in to Bulwark</h1>
        {error ? (
          <div className="alert" role="alert" id="login-error">
            {error}
          </div>
        ) : null}
        <label>
          User name
          <input
            ref={userRef}
            name="username"
            autoComplete="username"
            value={username}
            required
            aria-describedby={error ? 'login-error' : undefined}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            ref={passwordRef}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'login-error' : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  )
}
