import { h } from 'preact'
import { describe, expect, it } from 'vitest'
import { renderSignals } from '../../src/view/bind'
import { effect, signal } from '../../src/view/signal'

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

describe('signal and effect', () => {
  it('runs an effect again when a signal it read is set to a different value, not to the same one', () => {
    const name = signal('Ada')
    const seen: string[] = []
    effect(() => void seen.push(name.value))
    name.value = 'Grace'
    name.value = 'Grace'
    expect(seen).toEqual(['Ada', 'Grace'])
  })

  it('tracks what each run reads, and the effects inside and outside one another apart', () => {
    const outer = signal(1)
    const inner = signal(1)
    let outerRuns = 0
    let innerRuns = 0
    effect(() => {
      outerRuns++
      void outer.value
      effect(() => {
        innerRuns++
        void inner.value
      })
    })
    inner.value = 2
    expect([outerRuns, innerRuns]).toEqual([1, 2])
    outer.value = 2
    expect(outerRuns).toBe(2)
  })

  it('reads a signal outside any effect without subscribing anything', () => {
    const s = signal(0)
    expect(s.value).toBe(0)
    let runs = 0
    const stop = effect(() => {
      runs++
    })
    s.value = 1
    stop()
    expect(runs).toBe(1)
  })
})
