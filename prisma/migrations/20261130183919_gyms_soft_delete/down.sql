-- Down script: the reverse of migration.sql, applied by npm run db:migrate:rollback. Review it; add the reverse of any data step.
-- DATA LOSS: drops column gyms.deletedAt and its values
-- DATA LOSS: adds unique key gyms_slug_key on gyms(slug ASC), which fails while rows share a value
DROP INDEX "gyms_deletedAt_idx";
ALTER TABLE "gyms" DROP COLUMN "deletedAt";
CREATE UNIQUE INDEX "gyms_slug_key" ON "gyms"("slug" ASC);
