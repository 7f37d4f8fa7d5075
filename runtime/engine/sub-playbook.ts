import { resolveValue } from '../expr/resolve.ts'
import type { FieldSpec, Playbook } from '../format/schema.ts'
import { type ExpressionEvaluator, type ExpressionScope, type Json, NodeError } from '../node-type.ts'
import { asJsonOutput } from './json-value.ts'

/**
 * Typed inputs and outputs of sub-playbooks. A called playbook sees its validated inputs as its
 * `trigger` (and in `RunState.inputs`); its outputs are computed from `outputs[name].value` templates
 * once it succeeds.
 */

function typeOf(v: unknown): FieldSpec['type'] | 'null' {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  const t = typeof v
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object'
}

function matches(spec: FieldSpec, v: unknown): boolean {
  return spec.type === 'any' || typeOf(v) === spec.type
}

/**
 * Checks inputs against a playbook's `inputs` specs: applies defaults, rejects missing required fields,
 * wrong types and unknown names with NodeError `INVALID_INPUTS` naming the field. A playbook without
 * `inputs` accepts any inputs.
 * @example validateInputs(child, { ip: '1.2.3.4' }) // { ip: '1.2.3.4', limit: 10 }
 */
export function validateInputs(playbook: Playbook, inputs: Record<string, unknown>): Record<string, Json> {
  const specs = playbook.inputs
  const where = `playbook "${playbook.id}"`
  if (!specs) return asJson(inputs, where) as Record<string, Json>
  const out: Record<string, unknown> = {}
  for (const name of Object.keys(inputs)) {
    if (!Object.hasOwn(specs, name)) throw invalid(`${where} has no input "${name}"`)
  }
  for (const [name, spec] of Object.entries(specs)) {
    let v = inputs[name]
    if (v === undefined) v = spec.default
    if (v === undefined || v === null) {
      if (spec.required) throw invalid(`input "${name}" of ${where} is required`)
      if (v === null) out[name] = null
      continue
    }
    if (!matches(spec, v))
      throw invalid(`input "${name}" of ${where} must be ${article(spec.type)}, got ${typeOf(v)}`)
    out[name] = v
  }
  return asJson(out, where) as Record<string, Json>
}

/**
 * Computes a finished run's outputs from the `value` templates (sync unless the sandbox is needed).
 * Missing values take the default; a missing required output or a wrong type throws
 * NodeError `INVALID_OUTPUTS`.
 */
export function computeOutputs(
  playbook: Playbook,
  scope: ExpressionScope,
  evaluator?: ExpressionEvaluator,
): Record<string, Json> | Promise<Record<string, Json>> | undefined {
  const specs = playbook.outputs
  if (!specs) return undefined
  const entries = Object.entries(specs)
  const values = entries.map(([, spec]) =>
    spec.value === undefined ? undefined : resolveValue(spec.value, { scope, evaluator }),
  )
  const build = (resolved: unknown[]): Record<string, Json> => {
    const out: Record<string, unknown> = {}
    entries.forEach(([name, spec], i) => {
      let v = resolved[i]
      if (v === undefined) v = spec.default
      if (v === undefined || v === null) {
        if (spec.required)
          throw new NodeError(
            'INVALID_OUTPUTS',
            `output "${name}" of playbook "${playbook.id}" is required but has no value`,
            { retryable: false },
          )
        out[name] = null
        return
      }
      if (!matches(spec, v))
        throw new NodeError(
          'INVALID_OUTPUTS',
          `output "${name}" of playbook "${playbook.id}" must be ${article(spec.type)}, got ${typeOf(v)}`,
          { retryable: false },
        )
      out[name] = v
    })
    return asJson(out, `outputs of playbook "${playbook.id}"`, 'INVALID_OUTPUTS') as Record<string, Json>
  }
  return values.some((v) => v instanceof Promise) ? Promise.all(values).then(build) : build(values)
}

function asJson(v: unknown, where: string, code = 'INVALID_INPUTS'): Json {
  try {
    return asJsonOutput(v)
  } catch (err) {
    throw new NodeError(code, `${where}: ${(err as Error).message}`, { retryable: false })
  }
}

function invalid(message: string): NodeError {
  return new NodeError('INVALID_INPUTS', message, { retryable: false })
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}
