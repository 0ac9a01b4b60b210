-- Managed objects (prisma/managed.sql): CHECK constraints from field rules and model checks, partial and expression indexes, comments from descriptions. One CONCURRENTLY statement: it runs outside a transaction.
CREATE UNIQUE INDEX CONCURRENTLY "users_lower_email_key" ON "users" (lower("email"));
