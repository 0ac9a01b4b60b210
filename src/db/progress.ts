// Shows that a step is running: on a terminal a spinner with the elapsed seconds, redrawn in place
// and replaced by "✓ title (1.2 s)" when done; elsewhere (CI, pipes) one plain line when it starts
// and one when it ends, so logs say what was running if it hangs or fails.
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

export interface StepOptions {
  /** Where progress goes (default stderr, so stdout stays the command's output). */
  readonly stream?: NodeJS.WriteStream
  /** Work that writes to the terminal itself (Prisma's prompts): no spinner over it, plain lines. */
  readonly plain?: boolean
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

/** Runs `work`, showing `title` while it runs and how long it took; rethrows its failure after "✗ title". */
export async function step<T>(title: string, work: () => Promise<T> | T, options: StepOptions = {}): Promise<T> {
  const stream = options.stream ?? process.stderr
  const live = Boolean(stream.isTTY) && !options.plain && !process.env.CI
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  if (live) {
    let frame = 0
    const draw = () => stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${title} (${seconds(started)})`)
    draw()
    timer = setInterval(draw, 100)
    timer.unref()
  } else {
    stream.write(`… ${title}\n`)
  }
  const finish = (mark: string) => {
    if (timer) clearInterval(timer)
    stream.write(`${live ? '\r\x1b[2K' : ''}${mark} ${title} (${seconds(started)})\n`)
  }
  try {
    const result = await work()
    finish('✓')
    return result
  } catch (error) {
    finish('✗')
    throw error
  }
}
