import { nodeSchema } from '../../../../runtime/format/schema.ts'
import { describeObject, type FieldDescriptor } from './schema-form/descriptor.ts'
import { toJsonSchema } from './schema-form/json-schema.ts'
import { relabel } from './schema-form/relabel.ts'

/** The node fields the settings section edits. */
export const SETTINGS_KEYS = ['retry', 'timeoutMs', 'onError', 'join'] as const

let cached: FieldDescriptor[] | undefined

/**
 * The settings section's fields (retries, timeout, on error, join), generated from the playbook
 * format's node schema so that limits never drift, with labels an analyst reads.
 */
export function settingsFields(): FieldDescriptor[] {
  cached ??= relabel(
    describeObject(
      toJsonSchema(nodeSchema.pick({ retry: true, timeoutMs: true, onError: true, join: true }))!,
    ),
    {
      retry: { label: 'Retries', description: 'Run the node again when it fails.' },
      'retry.max': { label: 'Retry attempts', description: 'Extra attempts after the first one.' },
      'retry.backoff': {
        label: 'Backoff',
        default: 'fixed',
        optionLabels: { fixed: 'Same delay each time', exponential: 'Double the delay each time' },
      },
      'retry.delayMs': { label: 'Retry delay (ms)' },
      'retry.maxDelayMs': { label: 'Longest retry delay (ms)' },
      'retry.on': {
        label: 'Retry on error codes',
        description: 'Only errors with these codes (e.g. HTTP_STATUS); every error when empty.',
      },
      timeoutMs: { label: 'Node timeout (ms)', description: 'The node fails when it runs longer than this.' },
      onError: {
        label: 'On error',
        description: 'What happens when the node fails (after its retries).',
        optionLabels: {
          fail: 'Fail the run',
          continue: 'Continue as if it succeeded',
          error: 'Take the error port',
        },
        default: 'fail',
      },
      join: {
        label: 'Run when',
        description: 'For a node with several incoming branches.',
        optionLabels: { all: 'Every incoming branch is done', any: 'The first incoming branch arrives' },
        default: 'all',
      },
    },
  )
  return cached
}
