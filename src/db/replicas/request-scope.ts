// Read-your-writes within a request: once a request has written, its later reads go to the primary,
// because a replica may not have replayed that write yet. A request is what runs inside inRequest().
import { AsyncLocalStorage } from 'node:async_hooks'

interface RequestState {
  primaryOnly: boolean
}

const requests = new AsyncLocalStorage<RequestState>()

/**
 * Runs `work` as one request: reads go to a replica until the request writes (or calls
 * readFromPrimary()), then to the primary. Wrap each HTTP request or job in it, e.g. in middleware:
 * `app.use((req, res, next) => inRequest(next))`. Outside any request, reads always go to a replica.
 */
export function inRequest<T>(work: () => T): T {
  return requests.run({ primaryOnly: false }, work)
}

/** Sends the rest of the current request's reads to the primary (say before reading a just-paid invoice). */
export function readFromPrimary(): void {
  const state = requests.getStore()
  if (state) state.primaryOnly = true
}

/** Whether the current request's reads must go to the primary. */
export const mustReadFromPrimary = (): boolean => requests.getStore()?.primaryOnly ?? false
