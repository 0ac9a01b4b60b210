-- Down script: restores the managed objects as they were before migration.sql; applied by npm run db:migrate:rollback.
ALTER TABLE "audit_logs" DROP CONSTRAINT IF EXISTS "ck_audit_logs_entityType_min_length";
ALTER TABLE "audit_logs" DROP CONSTRAINT IF EXISTS "ck_audit_logs_entityId_min_length";
ALTER TABLE "communication_logs" DROP CONSTRAINT IF EXISTS "ck_communication_logs_recipient_min_length";
ALTER TABLE "credit_packs" DROP CONSTRAINT IF EXISTS "ck_credit_packs_name_min_length";
ALTER TABLE "gyms" DROP CONSTRAINT IF EXISTS "ck_gyms_name_min_length";
ALTER TABLE "gyms" DROP CONSTRAINT IF EXISTS "ck_gyms_slug_min_length";
ALTER TABLE "gyms" DROP CONSTRAINT IF EXISTS "ck_gyms_email_format";
ALTER TABLE "gym_equipment" DROP CONSTRAINT IF EXISTS "ck_gym_equipment_name_min_length";
ALTER TABLE "notifications" DROP CONSTRAINT IF EXISTS "ck_notifications_title_min_length";
ALTER TABLE "parq_questionnaires" DROP CONSTRAINT IF EXISTS "ck_parq_questionnaires_signatureName_min_length";
ALTER TABLE "sessions" DROP CONSTRAINT IF EXISTS "ck_sessions_title_min_length";
ALTER TABLE "subscription_plans" DROP CONSTRAINT IF EXISTS "ck_subscription_plans_name_min_length";
ALTER TABLE "support_comments" DROP CONSTRAINT IF EXISTS "ck_support_comments_body_min_length";
ALTER TABLE "support_tickets" DROP CONSTRAINT IF EXISTS "ck_support_tickets_subject_min_length";
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "ck_users_email_format";
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "ck_users_firstName_min_length";
ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "ck_users_lastName_min_length";
ALTER TABLE "audit_logs" ADD CONSTRAINT "ck_audit_logs_entityId_min_length" CHECK ((
CASE
    WHEN (octet_length("entityId") = char_length("entityId")) THEN char_length("entityId")
    ELSE (char_length("entityId") + char_length(regexp_replace("entityId", '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 1));
ALTER TABLE "audit_logs" ADD CONSTRAINT "ck_audit_logs_entityType_min_length" CHECK ((
CASE
    WHEN (octet_length("entityType") = char_length("entityType")) THEN char_length("entityType")
    ELSE (char_length("entityType") + char_length(regexp_replace("entityType", '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 1));
ALTER TABLE "communication_logs" ADD CONSTRAINT "ck_communication_logs_recipient_min_length" CHECK ((
CASE
    WHEN (octet_length(recipient) = char_length(recipient)) THEN char_length(recipient)
    ELSE (char_length(recipient) + char_length(regexp_replace(recipient, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 1));
ALTER TABLE "credit_packs" ADD CONSTRAINT "ck_credit_packs_name_min_length" CHECK ((
CASE
    WHEN (octet_length(name) = char_length(name)) THEN char_length(name)
    ELSE (char_length(name) + char_length(regexp_replace(name, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 2));
ALTER TABLE "gym_equipment" ADD CONSTRAINT "ck_gym_equipment_name_min_length" CHECK ((
CASE
    WHEN (octet_length(name) = char_length(name)) THEN char_length(name)
    ELSE (char_length(name) + char_length(regexp_replace(name, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 1));
ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_email_format" CHECK ((email ~ '^[^\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\@]+\@[^\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\@]+\.[^\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\@]+$'::text));
ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_name_min_length" CHECK ((
CASE
    WHEN (octet_length(name) = char_length(name)) THEN char_length(name)
    ELSE (char_length(name) + char_length(regexp_replace(name, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 2));
ALTER TABLE "gyms" ADD CONSTRAINT "ck_gyms_slug_min_length" CHECK ((
CASE
    WHEN (octet_length(slug) = char_length(slug)) THEN char_length(slug)
    ELSE (char_length(slug) + char_length(regexp_replace(slug, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 2));
ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_title_min_length" CHECK ((
CASE
    WHEN (octet_length(title) = char_length(title)) THEN char_length(title)
    ELSE (char_length(title) + char_length(regexp_replace(title, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 1));
ALTER TABLE "parq_questionnaires" ADD CONSTRAINT "ck_parq_questionnaires_signatureName_min_length" CHECK ((
CASE
    WHEN (octet_length("signatureName") = char_length("signatureName")) THEN char_length("signatureName")
    ELSE (char_length("signatureName") + char_length(regexp_replace("signatureName", '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 2));
ALTER TABLE "sessions" ADD CONSTRAINT "ck_sessions_title_min_length" CHECK ((
CASE
    WHEN (octet_length(title) = char_length(title)) THEN char_length(title)
    ELSE (char_length(title) + char_length(regexp_replace(title, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 2));
ALTER TABLE "subscription_plans" ADD CONSTRAINT "ck_subscription_plans_name_min_length" CHECK ((
CASE
    WHEN (octet_length(name) = char_length(name)) THEN char_length(name)
    ELSE (char_length(name) + char_length(regexp_replace(name, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 2));
ALTER TABLE "support_comments" ADD CONSTRAINT "ck_support_comments_body_min_length" CHECK ((
CASE
    WHEN (octet_length(body) = char_length(body)) THEN char_length(body)
    ELSE (char_length(body) + char_length(regexp_replace(body, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 1));
ALTER TABLE "support_tickets" ADD CONSTRAINT "ck_support_tickets_subject_min_length" CHECK ((
CASE
    WHEN (octet_length(subject) = char_length(subject)) THEN char_length(subject)
    ELSE (char_length(subject) + char_length(regexp_replace(subject, '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 3));
ALTER TABLE "users" ADD CONSTRAINT "ck_users_email_format" CHECK (((email)::text ~ '^[^\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\@]+\@[^\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\@]+\.[^\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\@]+$'::text));
ALTER TABLE "users" ADD CONSTRAINT "ck_users_firstName_min_length" CHECK ((
CASE
    WHEN (octet_length("firstName") = char_length("firstName")) THEN char_length("firstName")
    ELSE (char_length("firstName") + char_length(regexp_replace("firstName", '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 1));
ALTER TABLE "users" ADD CONSTRAINT "ck_users_lastName_min_length" CHECK ((
CASE
    WHEN (octet_length("lastName") = char_length("lastName")) THEN char_length("lastName")
    ELSE (char_length("lastName") + char_length(regexp_replace("lastName", '[^\U00010000-\U0010ffff]'::text, ''::text, 'g'::text)))
END >= 1));
