import { signal } from '@preact/signals-core'
import { h } from 'preact'
import { describe, expect, it } from 'vitest'
import { renderSignals } from '../../src/view/bind'

describe('renderSignals', () => {
  it('renders at once, again as soon as a signal it read changes, and not after it stopped', () => {
    const count = signal(0)
    const other = signal('unread')
    const root = document.createElement('div')
    let renders = 0
    const Count = () => (renders++, h('p', null, String(count.value)))
    const stop = renderSignals(() => h(Count, null), root)
    expect(root.textContent).toBe('0')
    count.value = 1
    expect(root.textContent).toBe('1')
    other.value = 'changed'
    expect(renders).toBe(2)
    stop()
    count.value = 2
    expect(root.textContent).toBe('1')
    expect(renders).toBe(2)
  })
})
