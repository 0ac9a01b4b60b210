// `npm run db:<command> -- --help`: this package's options, not Prisma's.
const OPTIONS: Record<string, string> = {
  migrate: `  --name <name>            name of the new migration folder (default: model)
  --create-only            write the migration (and down.sql) without applying it; edit it, then run db:migrate
  --accept-data-loss=<t,…> create a migration that drops or rewrites data without asking; name every table,
                           table.column or Enum it touches (the refusal message lists them)
  --expand-contract        for a change that loses data or fails on existing rows (required field, fields
                           moved to another model, enum value removed, new unique key): write it as three
                           migrations, expand → data step (you write it) → contract, with the rows each
                           touches; deploy stops before a data step until its "-- pika:fill-in" lines are gone`,
  'migrate:resolve': `  --rolled-back <name>     a failed migration was undone by hand: the next deploy applies it again
  --applied <name>         the migration is fully in the database (finished by hand, or an edited file it matches)`,
  'migrate:rollback': `  --accept-data-loss=<t,…> allow a down.sql that drops these tables/columns (the refusal message lists them)`,
  'migrate:reset': `  --force                  do not ask (required without a terminal)`,
}
OPTIONS['migrate:dev'] = OPTIONS.migrate!

export function helpText(command: string, summary: string): string {
  return [
    `npm run db:${command} -- [options]`,
    '',
    `${summary}.`,
    '',
    'Options:',
    OPTIONS[command] ?? '  (none)',
    '  --help                   this text',
    '',
    'Database: DATABASE_URL=postgresql://… for a server, else the embedded PGlite database in .pglite/ (PGLITE_DIR).',
    'Every migration is applied in one transaction; a file with the line "-- pika:no-transaction" runs statement by',
    'statement instead (CREATE INDEX CONCURRENTLY). Data steps, down scripts and recovery: docs/migrations.md.',
  ].join('\n')
}
