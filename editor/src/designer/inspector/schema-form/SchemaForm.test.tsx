// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { actionHttp } from '../../../../../nodes/action/http.ts'
import { enrichIpInfo } from '../../../../../nodes/enrich/ip-info.ts'
import { flowApproval } from '../../../../../nodes/flow/approval.ts'
import { triggerManual } from '../../../../../nodes/trigger/manual.ts'
import type { FieldProblem } from '../field-problems.ts'
import { describeObject, type FieldDescriptor } from './descriptor.ts'
import { toJsonSchema } from './json-schema.ts'
import { SchemaForm } from './SchemaForm.tsx'

interface HarnessProps {
  fields: FieldDescriptor[]
  initial: Record<string, unknown>
  problems: FieldProblem[]
  onWrite(value: Record<string, unknown>): void
}

/** Holds the form's value as the store would. */
function Harness({ fields, initial, problems, onWrite }: HarnessProps) {
  const [value, setValue] = useState(initial)
  return (
    <SchemaForm
      fields={fields}
      value={value}
      problems={problems}
      onChange={(v) => {
        onWrite(v)
        setValue(v)
      }}
    />
  )
}

/** Renders a form for `schema` and reports every value it writes. */
function renderForm(schema: z.ZodType, initial: Record<string, unknown>, problems: FieldProblem[] = []) {
  const written: Record<string, unknown>[] = []
  const fields = describeObject(toJsonSchema(schema)!)
  render(<Harness fields={fields} initial={initial} problems={problems} onWrite={(v) => written.push(v)} />)
  return { last: () => written.at(-1) }
}

describe('SchemaForm', () => {
  it('adds, edits and removes items of a string list; ticks choices of a multi-choice list', async () => {
    const user = userEvent.setup()
    const form = renderForm(flowApproval.params, { approvers: { users: ['ana'], roles: [] }, message: 'ok?' })
    await user.click(screen.getByRole('button', { name: 'Add to Users' }))
    await user.type(screen.getByLabelText('Users 2'), 'bob')
    await user.click(screen.getByLabelText('responder'))
    expect(form.last()?.approvers).toEqual({ users: ['ana', 'bob'], roles: ['responder'] })
    await user.click(screen.getByRole('button', { name: 'Remove Users 1' }))
    await user.click(screen.getByRole('button', { name: 'Move Users 1 down' }))
    expect(form.last()?.approvers).toEqual({ users: ['bob'], roles: ['responder'] })
  })

  it('edits repeatable groups of objects', async () => {
    const user = userEvent.setup()
    const form = renderForm(triggerManual.params, { fields: [] })
    await user.click(screen.getByRole('button', { name: 'Add to Fields' }))
    const group = screen.getByRole('group', { name: 'Fields 1' })
    await user.type(within(group).getByLabelText(/^Name/), 'host')
    await user.selectOptions(within(group).getByLabelText(/^Type/), 'enum')
    await user.click(within(group).getByRole('button', { name: 'Add to Options' }))
    await user.type(within(group).getByLabelText('Options 1'), 'a')
    expect(form.last()).toEqual({ fields: [{ name: 'host', type: 'enum', options: ['a'] }] })
    expect(triggerManual.params.safeParse(form.last()).success).toBe(true)
  })

  it('edits key/value maps: add, rename (refusing a taken name), remove', async () => {
    const user = userEvent.setup()
    const form = renderForm(actionHttp.params, { url: 'https://x.test', headers: { Accept: 'text/plain' } })
    await user.click(screen.getByRole('button', { name: 'Add to Headers' }))
    const name = screen.getByLabelText('Headers 2 Name')
    await user.clear(name)
    expect(screen.getByText('enter a name')).toBeTruthy()
    await user.type(name, 'Accept')
    expect(screen.getByText('"Accept" is already used')).toBeTruthy()
    await user.type(name, '-Language')
    await user.type(screen.getByLabelText('Accept-Language'), 'en')
    expect(form.last()?.headers).toEqual({ Accept: 'text/plain', 'Accept-Language': 'en' })
    await user.click(screen.getByRole('button', { name: 'Remove Accept from Headers' }))
    expect(form.last()?.headers).toEqual({ 'Accept-Language': 'en' })
  })

  it('edits maps whose values are lists', async () => {
    const user = userEvent.setup()
    const form = renderForm(enrichIpInfo.params, { ip: '1.2.3.4', lists: { corp: ['10.0.0.0/8'] } })
    const corp = screen.getByRole('group', { name: 'corp' })
    await user.click(within(corp).getByRole('button', { name: 'Add to corp' }))
    await user.type(within(corp).getByLabelText('corp 2'), '192.168.0.0/16')
    expect(form.last()?.lists).toEqual({ corp: ['10.0.0.0/8', '192.168.0.0/16'] })
  })

  it('chooses a variant and shows its own fields', async () => {
    const user = userEvent.setup()
    const form = renderForm(actionHttp.params, { url: 'https://x.test' })
    await user.selectOptions(screen.getByLabelText('Auth type'), 'header')
    expect(form.last()?.auth).toEqual({ kind: 'header', name: '' })
    await user.type(screen.getByLabelText(/^Name/), 'X-Api-Key')
    expect(form.last()?.auth).toEqual({ kind: 'header', name: 'X-Api-Key' })
    await user.selectOptions(screen.getByLabelText('Auth type'), 'None')
    expect(form.last()?.auth).toBeUndefined()
  })

  it('stores free values by type: numbers, text, JSON', async () => {
    const user = userEvent.setup()
    const form = renderForm(actionHttp.params, { url: 'https://x.test', expectStatus: ['2xx'] })
    await user.click(screen.getByRole('button', { name: 'Add to Expect status' }))
    await user.type(screen.getByLabelText('Expect status 2'), '404')
    expect(form.last()?.expectStatus).toEqual(['2xx', 404])
    const body = screen.getByLabelText('Body')
    await user.type(body, '[[1, ')
    expect(screen.getByText(/^not valid JSON/)).toBeTruthy()
    expect((body as HTMLTextAreaElement).value).toBe('[1, ')
    await user.type(body, '2]')
    expect(form.last()?.body).toEqual([1, 2])
  })

  it('edits unsupported shapes as JSON, with parse errors, without crashing', async () => {
    const user = userEvent.setup()
    const form = renderForm(z.object({ pair: z.tuple([z.string(), z.number()]) }), { pair: ['a', 1] })
    const pair = screen.getByLabelText(/^Pair/)
    expect(screen.getByText(/Edited as JSON/)).toBeTruthy()
    await user.clear(pair)
    await user.type(pair, '[["b", 2')
    expect(screen.getByText(/^not valid JSON/)).toBeTruthy()
    await user.type(pair, ']')
    expect(form.last()).toEqual({ pair: ['b', 2] })
  })

  it('shows problems at the field they are about, down to list items', () => {
    renderForm(flowApproval.params, { approvers: { users: ['', 'bob'] }, message: '' }, [
      { path: ['message'], message: 'Too small', severity: 'error', code: 'INVALID_PARAMS' },
      {
        path: ['approvers', 'users', 0],
        message: 'Too small: >=1 characters',
        severity: 'error',
        code: 'INVALID_PARAMS',
      },
    ])
    const message = screen.getByLabelText(/^Message/)
    expect(message.getAttribute('aria-invalid')).toBe('true')
    expect(within(message.closest('.insp-field') as HTMLElement).getByText('Too small')).toBeTruthy()
    const user1 = screen.getByLabelText('Users 1')
    expect(
      within(user1.closest('.insp-field') as HTMLElement).getByText('Too small: >=1 characters'),
    ).toBeTruthy()
    expect(screen.getByLabelText('Users 2').getAttribute('aria-invalid')).toBeNull()
  })
})
