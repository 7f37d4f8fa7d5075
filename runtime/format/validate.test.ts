import { describe, expect, it } from 'vitest'
import { ValidationError } from './problems.ts'
import { CURRENT_FORMAT } from './schema.ts'
import { testRegistry as registry } from './test-registry.ts'
import { parsePlaybook, validatePlaybook } from './validate.ts'

type Obj = Record<string, unknown>
const pb = (nodes: Obj[], edges: Obj[] = [], extra: Obj = {}) => ({
  format: CURRENT_FORMAT,
  id: 'test',
  name: 'Test',
  nodes,
  edges,
  ...extra,
})
const n = (id: string, type = 'test.noop', params: Obj = {}, extra: Obj = {}) => ({
  id,
  type,
  version: 1,
  params,
  ...extra,
})
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code)

describe('validatePlaybook', () => {
  it('accepts a valid playbook and returns it parsed', () => {
    const r = validatePlaybook(
      pb(
        [
          n('t', 'test.trigger'),
          n('c', 'test.condition', { value: '{{ trigger.ok }}' }),
          n('a', 'test.action', { url: 'https://x.test', retries: 1 }),
        ],
        [
          { from: 't', to: 'c' },
          { from: 'c', to: 'a', port: 'true' },
        ],
      ),
      { registry },
    )
    expect(r.problems).toEqual([])
    expect(r.ok).toBe(true)
    expect(r.playbook?.nodes).toHaveLength(3)
  })

  it('maps schema issues to paths and node ids', () => {
    const r = validatePlaybook(
      pb([n('ok'), { id: 'bad', type: 'test.noop', version: 0, extra: 1 }], [{ from: 'ok' }]),
    )
    expect(r.ok).toBe(false)
    expect(r.playbook).toBeUndefined()
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'SCHEMA', path: '$.nodes[1].version', nodeId: 'bad' }),
        expect.objectContaining({
          code: 'SCHEMA',
          path: '$.nodes[1]',
          nodeId: 'bad',
          message: 'unknown field "extra"',
        }),
        expect.objectContaining({ code: 'SCHEMA', path: '$.edges[0].to' }),
      ]),
    )
  })

  it('reports every problem in one pass', () => {
    const r = validatePlaybook(
      pb(
        [
          n('a'),
          n('a'),
          n('b'),
          n('c', 'test.noop', { x: '{{ nodes.ghost.output }}' }),
          { id: 'd', version: 'x' },
        ],
        [
          { from: 'a', to: 'zz' },
          { from: 'b', to: 'c' },
          { from: 'b', to: 'c' },
          { from: 'c', to: 'b' },
        ],
        { layout: { nope: { x: 1, y: 2 } } },
      ),
    )
    expect(new Set(codes(r))).toEqual(
      new Set([
        'SCHEMA',
        'DUPLICATE_ID',
        'DANGLING_EDGE',
        'DUPLICATE_EDGE',
        'CYCLE',
        'LAYOUT_UNKNOWN_NODE',
        'UNKNOWN_NODE_REF',
      ]),
    )
  })

  it('reports duplicate ids on the second occurrence, for nodes and notes', () => {
    const note = { id: 'n1', text: 'hi', x: 0, y: 0 }
    const r = validatePlaybook(pb([n('a'), n('a')], [], { notes: [note, note] }))
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_ID', path: '$.nodes[1].id', nodeId: 'a' }),
      expect.objectContaining({ code: 'DUPLICATE_ID', path: '$.notes[1].id' }),
    ])
  })

  it('names the nodes on a cycle', () => {
    const r = validatePlaybook(
      pb(
        [n('a'), n('b'), n('c')],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c' },
          { from: 'c', to: 'a' },
        ],
      ),
    )
    expect(r.problems).toEqual([
      { code: 'CYCLE', severity: 'error', message: 'cycle: a → b → c → a', path: '$.edges[2]', nodeId: 'a' },
    ])
  })

  it('reports a self-loop and a dangling edge end', () => {
    const r = validatePlaybook(
      pb(
        [n('a')],
        [
          { from: 'a', to: 'a' },
          { from: 'ghost', to: 'a' },
        ],
      ),
    )
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'SELF_LOOP', path: '$.edges[0]', nodeId: 'a' }),
      expect.objectContaining({
        code: 'DANGLING_EDGE',
        path: '$.edges[1].from',
        message: 'edge from unknown node "ghost"',
      }),
    ])
  })

  it('checks node types and versions against the registry', () => {
    const r = validatePlaybook(pb([n('a', 'test.nope'), { ...n('b', 'test.action'), version: 3 }]), {
      registry,
    })
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_NODE_TYPE', path: '$.nodes[0].type', nodeId: 'a' }),
      expect.objectContaining({
        code: 'UNKNOWN_NODE_VERSION',
        path: '$.nodes[1].version',
        message: 'node type "test.action" has no version 3; available: 1, 2',
      }),
    ])
  })

  it('skips type checks without a registry', () => {
    expect(validatePlaybook(pb([n('a', 'test.nope')])).ok).toBe(true)
  })

  it('reports invalid params but not where a template stands in', () => {
    const r = validatePlaybook(
      pb(
        [
          n('t', 'test.trigger'),
          n('a', 'test.action', { url: 'not a url', retries: 1.5 }),
          n('b', 'test.action', { url: '{{ trigger.url }}', retries: '{{ trigger.retries }}' }),
        ],
        [
          { from: 't', to: 'a' },
          { from: 't', to: 'b' },
        ],
      ),
      { registry },
    )
    expect(r.problems.map((p) => [p.code, p.path, p.nodeId])).toEqual([
      ['INVALID_PARAMS', '$.nodes[1].params.url', 'a'],
      ['INVALID_PARAMS', '$.nodes[1].params.retries', 'a'],
    ])
  })

  it('checks edge ports, including the error port and ports derived from params', () => {
    const r = validatePlaybook(
      pb(
        [
          n('t', 'test.trigger', {}, { onError: 'error' }),
          n('c', 'test.condition', { value: true }),
          n('s', 'test.switch', { value: 'x', cases: ['high', 'low'] }),
          n('z'),
        ],
        [
          { from: 't', to: 'c' },
          { from: 't', to: 'z', port: 'error' },
          { from: 'c', to: 's', port: 'true' },
          { from: 'c', to: 'z' },
          { from: 's', to: 'z', port: 'high' },
          { from: 's', to: 'z', port: 'medium' },
        ],
      ),
      { registry },
    )
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_PORT',
        path: '$.edges[3]',
        message: 'node "c" (test.condition) has no output port "out"; its ports are: true, false',
      }),
      expect.objectContaining({ code: 'UNKNOWN_PORT', path: '$.edges[5].port', nodeId: 's' }),
    ])
  })

  it('checks expressions: syntax, unknown nodes, and nodes that are not upstream', () => {
    const r = validatePlaybook(
      pb(
        [
          n('t', 'test.trigger'),
          n('a', 'test.noop', { ok: '{{ nodes.t.output.ip }}', bad: 'x {{ nodes.t.output' }),
          n('b', 'test.noop', { list: ['{{ nodes.c.output }}'], self: "{{ nodes['b'].output }}" }),
          n('c', 'test.noop', { ref: '{{ nodes.nobody.output }}', up: '{{ nodes.a.output }}' }),
        ],
        [
          { from: 't', to: 'a' },
          { from: 't', to: 'b' },
          { from: 'a', to: 'c' },
        ],
      ),
      { registry },
    )
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ['EXPRESSION_SYNTAX', '$.nodes[1].params.bad'],
      ['UNKNOWN_NODE_REF', '$.nodes[3].params.ref'],
      ['NOT_UPSTREAM', '$.nodes[2].params.list[0]'],
      ['NOT_UPSTREAM', '$.nodes[2].params.self'],
    ])
    expect(r.problems[2]!.message).toBe(
      'expression reads node "c", which is not upstream of "b": connect "c" before it',
    )
  })

  it('checks node references in playbook outputs', () => {
    const r = validatePlaybook(
      pb([n('a')], [], { outputs: { verdict: { type: 'string', value: '{{ nodes.zz.output }}' } } }),
    )
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_NODE_REF', path: '$.outputs.verdict.value' }),
    ])
  })

  it('reports multiple triggers and warns about unreachable nodes', () => {
    const r = validatePlaybook(
      pb([n('t1', 'test.trigger'), n('t2', 'test.trigger'), n('a'), n('lost')], [{ from: 't1', to: 'a' }]),
      {
        registry,
      },
    )
    expect(r.problems.map((p) => [p.code, p.severity, p.nodeId])).toEqual([
      ['MULTIPLE_TRIGGERS', 'error', 't2'],
      ['UNREACHABLE', 'warning', 'lost'],
    ])
  })

  it('is ok with warnings only', () => {
    const r = validatePlaybook(
      pb([n('t', 'test.trigger'), n('lost')], [], { layout: { gone: { x: 0, y: 0 } } }),
      { registry },
    )
    expect(codes(r)).toEqual(['LAYOUT_UNKNOWN_NODE', 'UNREACHABLE'])
    expect(r.ok).toBe(true)
  })

  it('stops at an unknown format with one clear problem', () => {
    const r = validatePlaybook({ ...pb([]), format: 'bulwark.playbook/3' })
    expect(r.ok).toBe(false)
    expect(codes(r)).toEqual(['UNKNOWN_FORMAT'])
  })

  it('caps the number of problems reported', () => {
    const nodes = Array.from({ length: 2000 }, () => ({ id: 'X' }))
    const r = validatePlaybook(pb(nodes))
    expect(r.problems).toHaveLength(1001)
    expect(r.problems.at(-1)!.code).toBe('TOO_MANY_PROBLEMS')
  })

  it('gives problems a ValidationError can carry', () => {
    const r = validatePlaybook(pb([n('a'), n('a')]))
    const e = new ValidationError(r.problems)
    expect(e.message).toBe('$.nodes[1].id: duplicate node id "a" (first used at $.nodes[0])')
  })
})

describe('parsePlaybook', () => {
  it('parses and validates text', () => {
    const r = parsePlaybook(`\uFEFF${JSON.stringify(pb([n('a')]))}`, {})
    expect(r.ok).toBe(true)
  })

  it('reports malformed JSON with line and column', () => {
    const r = parsePlaybook('{\n  "format": "bulwark.playbook/2",\n  "id": }', {})
    expect(r.problems).toEqual([
      {
        code: 'INVALID_JSON',
        severity: 'error',
        path: '$',
        message: 'line 3, column 9: unexpected "}"; expected a value',
      },
    ])
  })
})
