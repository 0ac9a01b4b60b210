-- Down script: restores the managed objects as they were before migration.sql; applied by npm run db:migrate:rollback.
COMMENT ON COLUMN "gyms"."deletedAt" IS NULL;
