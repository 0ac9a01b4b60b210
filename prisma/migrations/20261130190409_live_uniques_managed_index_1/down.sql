-- Down script: restores the managed objects as they were before migration.sql; applied by npm run db:migrate:rollback.
DROP INDEX CONCURRENTLY "gyms_slug_partial_key";
