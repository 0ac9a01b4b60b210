-- Managed objects (prisma/managed.sql): CHECK constraints from field rules and model checks, partial and expression indexes, comments from descriptions.
COMMENT ON COLUMN "gyms"."deletedAt" IS 'When the row was deleted (soft delete); null while it is live.';
