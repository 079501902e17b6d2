/** A minimal typed event emitter; a throwing handler never stops the others or the survey. */
export interface Emitter<E> {
  on<K extends keyof E>(event: K, handler: (detail: E[K]) => void): () => void
  emit<K extends keyof E>(event: K, detail: E[K]): void
  clear(): void
}

export function createEmitter<E>(onHandlerError: (error: unknown) => void): Emitter<E> {
  let handlers: { [K in keyof E]?: Set<(detail: E[K]) => void> } = {}
  return {
    on(event, handler) {
      const set = (handlers[event] ??= new Set())
      set.add(handler)
      return () => void set.delete(handler)
    },
    emit(event, detail) {
      for (const handler of handlers[event] ?? []) {
        try {
          handler(detail)
        } catch (error) {
          onHandlerError(error)
        }
      }
    },
    clear() {
      handlers = {}
    },
  }
}
