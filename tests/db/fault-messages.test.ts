// The one-line messages for faults, as pure functions (the CLI tests run them end to end).
import { describe, expect, it } from 'vitest'
import { checkMigrationHistory } from '../../src/db/migration-history.ts'
import { prismaErrorLine } from '../../src/db/prisma-cli.ts'
import { describeConnectionError } from '../../src/db/server-connection.ts'

const URL_A = 'postgresql://app:s3cret@db.internal:5433/pika'
const pgError = (code: string, message = 'server said no') => Object.assign(new Error(message), { code })

describe('describeConnectionError', () => {
  it.each([
    ['ECONNREFUSED', 'Cannot reach PostgreSQL at db.internal:5433 (connection refused); start the server or fix the host/port in DATABASE_URL'],
    ['ENOTFOUND', 'Cannot resolve the PostgreSQL host "db.internal"; fix the host in DATABASE_URL'],
    ['28P01', 'PostgreSQL rejected the password for app@db.internal:5433/pika; fix the password in DATABASE_URL'],
    ['3D000', 'Database "pika" does not exist on db.internal:5433; create it (createdb -h db.internal -U app pika) or fix DATABASE_URL'],
  ])('explains %s in one line without the password', (code, message) => {
    const line = describeConnectionError(pgError(code), URL_A, 'DATABASE_URL')
    expect(line).toBe(message)
    expect(line).not.toContain('s3cret')
  })

  it('names the variable the URL came from, and keeps unknown server messages', () => {
    expect(describeConnectionError(pgError('XX000', 'boom\nmore'), URL_A, 'TEST_DATABASE_URL')).toBe(
      'Cannot connect to PostgreSQL as app@db.internal:5433/pika: boom; check TEST_DATABASE_URL',
    )
  })
})

describe('checkMigrationHistory', () => {
  const done = (name: string) => ({ name, finished: true, rolledBack: false })

  it('accepts a database that is behind or level', () => {
    expect(() => checkMigrationHistory([done('1_a')], ['1_a', '2_b'], 'the db')).not.toThrow()
  })

  it('refuses a database that is ahead of prisma/migrations', () => {
    expect(() => checkMigrationHistory([done('1_a'), done('3_c')], ['1_a'], 'the db')).toThrow(
      'The db has 1 applied migration(s) missing from prisma/migrations (latest: 3_c); it was migrated by newer code: update this checkout (git pull) or point at another database',
    )
  })

  it('refuses a database with a failed migration, ignoring rolled-back ones', () => {
    const failed = { name: '2_b', finished: false, rolledBack: false }
    expect(() => checkMigrationHistory([done('1_a'), failed], ['1_a', '2_b'], 'the db')).toThrow(/Migration 2_b failed earlier on the db/)
    expect(() => checkMigrationHistory([{ ...failed, rolledBack: true }], ['2_b'], 'the db')).not.toThrow()
  })
})

describe('prismaErrorLine', () => {
  it('joins a generic connector error with its cause and names the migration', () => {
    const stderr = [
      'Loaded Prisma config from prisma.config.ts.',
      '',
      'Error: external connector error',
      'No such table: nowhere',
      '   0: sql_schema_connector::apply_migration::apply_script',
      '           with migration_name="2_bad"',
    ].join('\n')
    expect(prismaErrorLine({ exitCode: 1, stdout: '', stderr })).toBe('external connector error: No such table: nowhere (in migration 2_bad)')
  })

  it('adds the explanation after a bare P-code', () => {
    const stderr = 'Error: P3006\nMigration `2_bad` failed to apply cleanly to the shadow database.\nError code: P1014\n'
    expect(prismaErrorLine({ exitCode: 1, stdout: '', stderr })).toBe('P3006: Migration `2_bad` failed to apply cleanly to the shadow database.')
  })

  it('falls back to the last line', () => {
    expect(prismaErrorLine({ exitCode: 1, stdout: 'a\nlast words\n', stderr: '' })).toBe('last words')
  })
})
