// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import { LoginPage, loginErrorMessage } from './LoginPage.tsx'

const original = useSession.getState().login
afterEach(() => useSession.setState({ login: original }))

describe('loginErrorMessage', () => {
  it('names wrong credentials and the wait after too many attempts', () => {
    expect(loginErrorMessage(new ApiError(401, 'BAD_CREDENTIALS', 'x'))).toBe('Wrong user name or password.')
    expect(loginErrorMessage(new ApiError(429, 'RATE_LIMITED', 'x', [], 30))).toBe(
      'Too many failed logins. Try again in 30 seconds.',
    )
    expect(loginErrorMessage(new ApiError(429, 'RATE_LIMITED', 'x', [], 600))).toBe(
      'Too many failed logins. Try again in 10 minutes.',
    )
    expect(loginErrorMessage(new ApiError(429, 'RATE_LIMITED', 'x'))).toBe(
      'Too many failed logins. Try again later.',
    )
    expect(loginErrorMessage(new TypeError('Failed to fetch'))).toMatch(/Cannot reach the server/)
  })
})

describe('LoginPage', () => {
  it('starts on the user name, and after wrong credentials says so and returns to an empty password', async () => {
    const login = vi.fn(async () => {
      throw new ApiError(401, 'BAD_CREDENTIALS', 'wrong user name or password')
    })
    useSession.setState({ login })
    const user = userEvent.setup()
    render(<LoginPage />)
    expect(document.activeElement).toBe(screen.getByLabelText('User name'))
    await user.type(screen.getByLabelText('User name'), ' ana ')
    await user.type(screen.getByLabelText('Password'), 'nope')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(login).toHaveBeenCalledWith('ana', 'nope')
    expect(screen.getByRole('alert').textContent).toBe('Wrong user name or password.')
    const password = screen.getByLabelText('Password')
    expect(password).toHaveProperty('value', '')
    expect(document.activeElement).toBe(password)
  })

  it('tells how long to wait when the server refuses more attempts', async () => {
    useSession.setState({
      login: async () => {
        throw new ApiError(429, 'RATE_LIMITED', 'too many failed logins', [], 45)
      },
    })
    const user = userEvent.setup()
    render(<LoginPage />)
    await user.type(screen.getByLabelText('User name'), 'ana')
    await user.type(screen.getByLabelText('Password'), 'secret{Enter}')
    expect(screen.getByRole('alert').textContent).toBe('Too many failed logins. Try again in 45 seconds.')
  })

  it('does not send an empty form but moves focus to the missing field', async () => {
    const login = vi.fn()
    useSession.setState({ login })
    const user = userEvent.setup()
    render(<LoginPage />)
    await user.type(screen.getByLabelText('User name'), 'ana{Enter}')
    expect(login).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(screen.getByLabelText('Password'))
  })
})
