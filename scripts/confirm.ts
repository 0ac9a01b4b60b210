// Asking before a command deletes data: in a terminal a y/N question, elsewhere only --force.
import { createInterface } from 'node:readline/promises'
import { DatabaseSetupError } from '../src/db/errors.ts'

/**
 * Resolves when the user agreed that `what` may happen; throws a one-line DatabaseSetupError when
 * they did not, or when there is no terminal to ask (then `forceHint` says how to confirm).
 */
export async function confirmDataLoss(what: string, question: string, forceHint: string): Promise<void> {
  if (!process.stdin.isTTY) throw new DatabaseSetupError(`${what}; to confirm, pass --force (${forceHint})`)
  const prompt = createInterface({ input: process.stdin, output: process.stderr })
  const answer = await prompt.question(`${what}${question} Continue? [y/N] `)
  prompt.close()
  if (!/^y(es)?$/i.test(answer.trim())) throw new DatabaseSetupError('cancelled; nothing was changed')
}
