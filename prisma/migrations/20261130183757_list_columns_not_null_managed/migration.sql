-- Managed objects (prisma/managed.sql): CHECK constraints from field rules and model checks, comments from descriptions.
UPDATE "gyms" SET "amenities" = '{}' WHERE "amenities" IS NULL;
ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_amenities_not_null" CHECK ("amenities" IS NOT NULL) NOT VALID;
ALTER TABLE "gyms" VALIDATE CONSTRAINT "ck_gyms_amenities_not_null";
UPDATE "gyms" SET "equipment" = '{}' WHERE "equipment" IS NULL;
ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_equipment_not_null" CHECK ("equipment" IS NOT NULL) NOT VALID;
ALTER TABLE "gyms" VALIDATE CONSTRAINT "ck_gyms_equipment_not_null";
