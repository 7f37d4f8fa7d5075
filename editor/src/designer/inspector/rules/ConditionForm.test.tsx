// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { conditionIf } from '../../../../../nodes/condition/if.ts'
import { phishingPlaybook } from '../test-fixtures.ts'
import { renderInspector } from '../test-render.tsx'

const rule = (name: string) => screen.getByRole('group', { name })

describe('rule builder (condition.if)', () => {
  it('shows nested groups and rules and leaves untouched params exactly as they were', () => {
    const pb = phishingPlaybook()
    const before = structuredClone(pb.nodes.find((n) => n.id === 'clean')!.params)
    const { params } = renderInspector(pb, ['clean'])
    expect(screen.getAllByRole('group', { name: /^Rule / }).length).toBeGreaterThan(3)
    expect((within(rule('Rule 1.1')).getByLabelText('Rule 1.1 Field') as HTMLInputElement).value).toBe(
      '{{ nodes.iocs.output.urls.length }}',
    )
    expect((within(rule('Rule 1.2')).getByLabelText('Rule 1.2 Operator') as HTMLSelectElement).value).toBe(
      'lt',
    )
    expect(params('clean')).toEqual(before)
  })

  it('builds a rule from suggestions, operators and values, writing params the node accepts', async () => {
    const user = userEvent.setup()
    const { params } = renderInspector(phishingPlaybook(), ['has_url'])
    await user.click(screen.getByRole('button', { name: 'Add rule' }))
    const field = screen.getByLabelText('Rule 2 Field')
    await user.type(field, 'severity')
    await user.keyboard('{Enter}')
    await user.selectOptions(screen.getByLabelText('Rule 2 Operator'), 'in_list')
    await user.type(screen.getByLabelText('Rule 2 Values (one per line)'), 'high{Enter}critical')
    await user.selectOptions(screen.getByLabelText('Match'), 'any')
    const written = params('has_url')
    expect(written.rules).toEqual([
      { field: '{{ nodes.iocs.output.urls.length }}', operator: 'gt', value: 0 },
      { field: '{{ nodes.alert.output.severity }}', operator: 'in_list', value: ['high', 'critical'] },
    ])
    expect(written.combinator).toBe('any')
    expect(conditionIf.params.safeParse(written).success).toBe(true)
  })

  it('hides the value for exists, checks CIDRs as typed, nests groups', async () => {
    const user = userEvent.setup()
    const { params } = renderInspector(phishingPlaybook(), ['has_url'])
    await user.selectOptions(screen.getByLabelText('Rule 1 Operator'), 'exists')
    expect(screen.queryByLabelText(/^Rule 1 Value/)).toBeNull()
    expect(params('has_url').rules).toEqual([
      { field: '{{ nodes.iocs.output.urls.length }}', operator: 'exists' },
    ])
    await user.click(screen.getByRole('button', { name: 'Add group' }))
    await user.selectOptions(screen.getByLabelText('Rule 2.1 Operator'), 'in_cidr')
    const cidrs = screen.getByLabelText('Rule 2.1 Networks (one per line)')
    await user.type(cidrs, '10.0.0.0/8{Enter}300.1')
    expect(within(rule('Rule 2.1')).getByText('not a CIDR range: 300.1')).toBeTruthy()
    expect((cidrs as HTMLTextAreaElement).value).toBe('10.0.0.0/8\n300.1')
    await user.clear(cidrs)
    await user.type(cidrs, '10.0.0.0/8{Enter}192.168.0.0/16')
    expect(params('has_url').rules).toEqual([
      { field: '{{ nodes.iocs.output.urls.length }}', operator: 'exists' },
      {
        combinator: 'any',
        rules: [{ field: '', operator: 'in_cidr', value: ['10.0.0.0/8', '192.168.0.0/16'] }],
      },
    ])
    await user.click(screen.getByRole('button', { name: 'Remove Group 2' }))
    expect(params('has_url').rules).toHaveLength(1)
  })

  it('shows a bad pattern’s problem at its rule', async () => {
    const user = userEvent.setup()
    renderInspector(phishingPlaybook(), ['has_url'])
    await user.selectOptions(screen.getByLabelText('Rule 1 Operator'), 'matches')
    const value = screen.getByLabelText('Rule 1 Value')
    await user.clear(value)
    await user.type(value, '(a+)+$')
    expect(within(rule('Rule 1')).getByText(/nested quantifier/)).toBeTruthy()
  })

  it('toggles to one expression and back, restoring the rules', async () => {
    const user = userEvent.setup()
    const pb = phishingPlaybook()
    const before = structuredClone(pb.nodes.find((n) => n.id === 'has_file')!.params)
    const { params } = renderInspector(pb, ['has_file'])
    await user.click(screen.getByLabelText('Expression'))
    const expr = screen.getByLabelText('Condition expression')
    await user.type(expr, '{{{{ nodes.iocs.output.sha256.length > 0 }}')
    expect(params('has_file')).toEqual({ rules: [], expression: '{{ nodes.iocs.output.sha256.length > 0 }}' })
    expect(conditionIf.params.safeParse(params('has_file')).success).toBe(true)
    await user.click(screen.getByLabelText('Rules'))
    expect(params('has_file')).toEqual(before)
  })
})

describe('case editor (condition.switch)', () => {
  it('edits cases in both spellings and adds new ones', async () => {
    const user = userEvent.setup()
    const { params } = renderInspector(phishingPlaybook(), ['by_severity'])
    expect((screen.getByLabelText('Value to route on') as HTMLInputElement).value).toBe(
      '{{ nodes.alert.output.severity }}',
    )
    expect((screen.getByLabelText('Case 1 Values (one per line)') as HTMLTextAreaElement).value).toBe(
      'high\ncritical',
    )
    await user.click(screen.getByRole('button', { name: 'Add case' }))
    await user.type(screen.getByLabelText('Case 2 Value'), 'low')
    await user.clear(screen.getByLabelText('Case 2 Port'))
    await user.type(screen.getByLabelText('Case 2 Port'), 'quiet')
    expect(params('by_severity').cases).toEqual([
      { operator: 'in_list', port: 'urgent', value: ['high', 'critical'] },
      { port: 'quiet', equals: 'low' },
    ])
  })
})

describe('filter rules (condition.filter)', () => {
  it('takes paths inside each item as fields', async () => {
    const user = userEvent.setup()
    const pb = phishingPlaybook()
    pb.nodes.push({
      id: 'keep',
      type: 'condition.filter',
      version: 1,
      params: { items: '{{ nodes.iocs.output.urls }}', combinator: 'all', rules: [] },
    })
    pb.edges.push({ from: 'iocs', to: 'keep' })
    const { params } = renderInspector(pb, ['keep'])
    await user.click(screen.getByRole('button', { name: 'Add rule' }))
    await user.type(screen.getByLabelText('Rule 1 Field path'), 'score')
    await user.selectOptions(screen.getByLabelText('Rule 1 Operator'), 'gte')
    await user.clear(screen.getByLabelText('Rule 1 Value'))
    await user.type(screen.getByLabelText('Rule 1 Value'), '70')
    expect(params('keep')).toEqual({
      items: '{{ nodes.iocs.output.urls }}',
      combinator: 'all',
      rules: [{ field: 'score', operator: 'gte', value: 70 }],
    })
  })
})
