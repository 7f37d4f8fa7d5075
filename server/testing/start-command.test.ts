import { describe, expect, it } from 'vitest'
import { parseStartScript, startCommand } from './start-command.ts'

describe('startCommand', () => {
  it('splits the environment, the node flags and the script of a start script', () => {
    expect(parseStartScript('A=1 B_2=x=y node --one --two=2 bin/s.mjs')).toEqual({
      env: { A: '1', B_2: 'x=y' },
      nodeArgs: ['--one', '--two=2'],
      script: 'bin/s.mjs',
    })
    expect(parseStartScript('node bin/s.mjs')).toEqual({ env: {}, nodeArgs: [], script: 'bin/s.mjs' })
  })

  it('refuses a start script of another shape', () => {
    expect(() => parseStartScript('tsx server/main.ts')).toThrow(/does not run node/)
    expect(() => parseStartScript('node bin/s.mjs --port 1')).toThrow(/not "node \[flags\] <script>"/)
  })

  it('reads npm start: the server entry with the memory settings the README figures were measured with', () => {
    const start = startCommand()
    expect(start.script).toBe('bin/bulwark-server.mjs')
    expect(start.env.MALLOC_ARENA_MAX).toBe('2')
    expect(start.nodeArgs).toContain('--max-semi-space-size=8')
  })
})
