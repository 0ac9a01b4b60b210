-- Managed objects (prisma/managed.sql): CHECK constraints from field rules and model checks, partial and expression indexes, comments from descriptions.
CREATE UNIQUE INDEX "gyms_slug_partial_key" ON "gyms" ("slug") WHERE "deletedAt" IS NULL;
COMMENT ON COLUMN "gyms"."deletedAt" IS 'When the row was deleted (soft delete); null while it is live.';
