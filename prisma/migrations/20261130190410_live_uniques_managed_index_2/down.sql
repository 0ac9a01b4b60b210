-- Down script: restores the managed objects as they were before migration.sql; applied by npm run db:migrate:rollback.
DROP INDEX CONCURRENTLY "users_lower_email_key";
