// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { RunActions } from './RunActions.tsx'
import { StepTimeline } from './StepTimeline.tsx'

const steps = [
  {
    nodeId: 'alert',
    status: 'succeeded',
    attempt: 1,
    startedAt: 0,
    finishedAt: 40,
    input: null,
    output: { sender: 'x@evil.test' },
    logs: [],
  },
  {
    nodeId: 'vt',
    status: 'failed',
    attempt: 2,
    startedAt: 40,
    finishedAt: 1040,
    input: { hash: 'abc' },
    logs: ['calling VirusTotal'],
    error: { code: 'RATE_LIMITED', message: 'VirusTotal: HTTP 429' },
  },
]

describe('StepTimeline', () => {
  it('lists the steps with status, attempt and duration, and opens one step’s details on click', async () => {
    const onRetry = vi.fn()
    const user = userEvent.setup()
    render(<StepTimeline steps={steps} runStart={0} runEnd={1040} now={2000} onRetry={onRetry} />)
    const vt = screen.getByRole('button', { name: 'vt: failed, attempt 2' })
    expect(vt.textContent).toContain('1.0 s')
    expect(vt.getAttribute('aria-expanded')).toBe('false')
    await user.click(vt)
    const detail = screen.getByRole('region', { name: 'Step vt, attempt 2' })
    expect(detail.textContent).toContain('RATE_LIMITED: VirusTotal: HTTP 429')
    expect(detail.textContent).toContain('calling VirusTotal')
    expect(detail.textContent).toContain('"hash": "abc"')
    await user.click(screen.getByRole('button', { name: 'Retry from vt' }))
    expect(onRetry).toHaveBeenCalledWith('vt')
  })

  it('offers no retry without the permission', async () => {
    const user = userEvent.setup()
    render(<StepTimeline steps={steps} runStart={0} runEnd={1040} now={2000} />)
    await user.click(screen.getByRole('button', { name: 'vt: failed, attempt 2' }))
    expect(screen.queryByRole('button', { name: 'Retry from vt' })).toBeNull()
  })
})

describe('RunActions', () => {
  it('cancels only after a confirmation', async () => {
    const onCancel = vi.fn(async () => {})
    const user = userEvent.setup()
    render(
      <RunActions canCancel canRetry={false} failedNode={undefined} onCancel={onCancel} onRetry={vi.fn()} />,
    )
    await user.click(screen.getByRole('button', { name: 'Cancel run' }))
    expect(onCancel).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Yes, cancel the run' }))
    expect(onCancel).toHaveBeenCalledOnce()
  })

  it('retries from the failed node or from the start, and shows a refusal', async () => {
    const onRetry = vi.fn(async (from?: string) => {
      if (!from) throw new ApiError(403, 'FORBIDDEN', 'the analyst role may not retry production runs')
    })
    const user = userEvent.setup()
    render(<RunActions canCancel={false} canRetry failedNode="vt" onCancel={vi.fn()} onRetry={onRetry} />)
    await user.click(screen.getByRole('button', { name: 'Retry from vt' }))
    expect(onRetry).toHaveBeenLastCalledWith('vt')
    await user.click(screen.getByRole('button', { name: 'Retry from the start' }))
    expect(onRetry).toHaveBeenLastCalledWith()
    expect(screen.getByRole('alert').textContent).toContain('may not retry production runs')
  })

  it('renders nothing when neither is allowed', () => {
    const { container } = render(
      <RunActions canCancel={false} canRetry={false} failedNode="vt" onCancel={vi.fn()} onRetry={vi.fn()} />,
    )
    expect(container.innerHTML).toBe('')
  })
})
