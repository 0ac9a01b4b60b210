-- Managed objects (prisma/managed.sql): CHECK constraints from field rules and model checks, partial and expression indexes, comments from descriptions. One CONCURRENTLY statement: it runs outside a transaction.
CREATE UNIQUE INDEX CONCURRENTLY "gyms_slug_partial_key" ON "gyms" ("slug") WHERE "deletedAt" IS NULL;
