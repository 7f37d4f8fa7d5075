/** A small valid template that tests vary (a lookup on a fictional API). */
export function minimalTemplate(): Record<string, unknown> {
  return {
    id: 'example.lookup',
    version: 1,
    title: 'Example lookup',
    description: 'Looks a thing up.',
    category: 'enrichment',
    icon: 'search',
    vendor: 'Example',
    docs: 'https://api.example.com/docs',
    params: {
      thing: { type: 'string', required: true, description: 'What to look up' },
      filter: { type: 'string' },
    },
    credential: { type: 'example-api-key', auth: { type: 'header', name: 'X-Api-Key' } },
    request: {
      method: 'GET',
      url: 'https://api.example.com/v1/things/{{ params.thing }}',
      query: { filter: '{{ params.filter }}' },
    },
    response: { output: { name: '{{ response.body.name }}', thing: '{{ params.thing }}' } },
    sideEffects: false,
    sample: { name: 'sample', thing: 'x' },
  }
}
