import { describe, expect, it } from 'vitest'
import { PLAYBOOK_SCHEMA_ID, playbookJsonSchema } from './json-schema.ts'
import checkedIn from './playbook.schema.json'

describe('playbookJsonSchema', () => {
  it('carries an $id and title and describes nodes and edges', () => {
    const schema = playbookJsonSchema()
    expect(schema.$id).toBe(PLAYBOOK_SCHEMA_ID)
    expect(schema.title).toBe('Bulwark playbook')
    const props = schema.properties as Record<string, unknown>
    expect(Object.keys(props)).toEqual(expect.arrayContaining(['format', 'nodes', 'edges', 'layout']))
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'id', 'name', 'nodes', 'edges']))
  })

  it('matches the checked-in playbook.schema.json', () => {
    expect(checkedIn, 'playbook.schema.json is out of date: run `npm run schema`').toEqual(
      playbookJsonSchema(),
    )
  })
})
