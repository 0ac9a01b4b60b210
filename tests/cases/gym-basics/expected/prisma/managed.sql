-- Generated from models/gym.yaml, models/member.yaml by `npm run generate`. Do not edit: change the models and regenerate.
-- Managed objects: field rules as CHECK constraints, partial and expression indexes, descriptions as comments.

ALTER TABLE "bookings" ADD CONSTRAINT "ck_bookings_price_min" CHECK ("price" >= 0);
ALTER TABLE "bookings" ADD CONSTRAINT "ck_bookings_price_max" CHECK ("price" <= 1000);
ALTER TABLE "bookings" ADD CONSTRAINT "ck_bookings_status_not_null" CHECK ("status" IS NOT NULL);
ALTER TABLE "favourite_gyms" ADD CONSTRAINT "ck_favourite_gyms_gymName_max_length" CHECK (octet_length("gymName") <= 120 OR (CASE WHEN octet_length("gymName") = char_length("gymName") THEN char_length("gymName") ELSE char_length("gymName") + char_length(regexp_replace("gymName", '[^\U00010000-\U0010ffff]', '', 'g')) END) <= 120);
ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_name_min_length" CHECK (char_length("name") >= 2 OR (CASE WHEN octet_length("name") = char_length("name") THEN char_length("name") ELSE char_length("name") + char_length(regexp_replace("name", '[^\U00010000-\U0010ffff]', '', 'g')) END) >= 2);
ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_name_max_length" CHECK (octet_length("name") <= 120 OR (CASE WHEN octet_length("name") = char_length("name") THEN char_length("name") ELSE char_length("name") + char_length(regexp_replace("name", '[^\U00010000-\U0010ffff]', '', 'g')) END) <= 120);
ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_amenities_not_null" CHECK ("amenities" IS NOT NULL);
ALTER TABLE "gym_equipment" ADD CONSTRAINT "ck_gym_equipment_quantity_min" CHECK ("quantity" >= 0);
ALTER TABLE "gym_equipment" ADD CONSTRAINT "ck_gym_equipment_price_min" CHECK ("price" >= 0);
ALTER TABLE "members" ADD CONSTRAINT "ck_members_version_min" CHECK ("version" >= 0);
ALTER TABLE "members" ADD CONSTRAINT "ck_members_email_max_length" CHECK (octet_length("email") <= 254 OR (CASE WHEN octet_length("email") = char_length("email") THEN char_length("email") ELSE char_length("email") + char_length(regexp_replace("email", '[^\U00010000-\U0010ffff]', '', 'g')) END) <= 254);
ALTER TABLE "members" ADD CONSTRAINT "ck_members_email_format" CHECK ("email" LIKE '_%@_%._%' AND "email" NOT LIKE '%@%@%' AND "email" !~ '[\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]');
ALTER TABLE "members" ADD CONSTRAINT "ck_members_display_name_min_length" CHECK (char_length("display_name") >= 1 OR (CASE WHEN octet_length("display_name") = char_length("display_name") THEN char_length("display_name") ELSE char_length("display_name") + char_length(regexp_replace("display_name", '[^\U00010000-\U0010ffff]', '', 'g')) END) >= 1);
ALTER TABLE "members" ADD CONSTRAINT "ck_members_display_name_max_length" CHECK (octet_length("display_name") <= 80 OR (CASE WHEN octet_length("display_name") = char_length("display_name") THEN char_length("display_name") ELSE char_length("display_name") + char_length(regexp_replace("display_name", '[^\U00010000-\U0010ffff]', '', 'g')) END) <= 80);
ALTER TABLE "members" ADD CONSTRAINT "ck_members_password_min_length" CHECK (char_length("password") >= 8 OR (CASE WHEN octet_length("password") = char_length("password") THEN char_length("password") ELSE char_length("password") + char_length(regexp_replace("password", '[^\U00010000-\U0010ffff]', '', 'g')) END) >= 8);
ALTER TABLE "members" ADD CONSTRAINT "ck_members_weightKg_min" CHECK ("weightKg" >= 20);
ALTER TABLE "members" ADD CONSTRAINT "ck_members_weightKg_max" CHECK ("weightKg" <= 400);
ALTER TABLE "members" ADD CONSTRAINT "ck_members_homepage_format" CHECK ("homepage" ~ '^https?\:\/\/[^\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\/\$\.\?\#][^\u000a\u000d\u2028\u2029][^\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*$');
ALTER TABLE "members" ADD CONSTRAINT "ck_members_phone_format" CHECK (char_length("phone") BETWEEN 3 AND 16 AND "phone" ~ '^\+[1-9][0-9]*$');
ALTER TABLE "members" ADD CONSTRAINT "ck_members_externalId_format" CHECK ("externalId"::text ~ '^[0-9a-fA-F]{8}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{4}\-[0-9a-fA-F]{12}$');
ALTER TABLE "members" ADD CONSTRAINT "ck_members_tags_not_null" CHECK ("tags" IS NOT NULL);
ALTER TABLE "member_profiles" ADD CONSTRAINT "ck_member_profiles_bio_max_length" CHECK (octet_length("bio") <= 500 OR (CASE WHEN octet_length("bio") = char_length("bio") THEN char_length("bio") ELSE char_length("bio") + char_length(regexp_replace("bio", '[^\U00010000-\U0010ffff]', '', 'g')) END) <= 500);
ALTER TABLE "member_profiles" ADD CONSTRAINT "ck_member_profiles_code_length" CHECK ((CASE WHEN octet_length("code") = char_length("code") THEN char_length("code") ELSE char_length("code") + char_length(regexp_replace("code", '[^\U00010000-\U0010ffff]', '', 'g')) END) = 6);
ALTER TABLE "member_profiles" ADD CONSTRAINT "ck_member_profiles_code_pattern" CHECK ("code" ~ '^[A-Z]{3}[0-9]{3}$');
CREATE UNIQUE INDEX "bookings_memberId_startsAt_partial_key" ON "bookings" ("memberId", "startsAt") WHERE "coachId" IS NOT NULL;
CREATE INDEX "bookings_coachId_startsAt_partial_idx" ON "bookings" ("coachId", "startsAt") WHERE "price" > 0 AND "coachId" IS NOT NULL;
CREATE UNIQUE INDEX "members_lower_email_key" ON "members" (lower("email"));
COMMENT ON TABLE "gyms" IS 'A physical location where sessions take place.';
COMMENT ON TABLE "members" IS 'Someone who trains at a gym.
Comments like */ or ${x} or `ticks` are safe.';
