-- Managed objects (prisma/managed.sql): CHECK constraints from field rules and model checks, partial and expression indexes, comments from descriptions.
CREATE UNIQUE INDEX "users_lower_email_key" ON "users" (lower("email"));
