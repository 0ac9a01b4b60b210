-- Validates the checks the previous migration added NOT VALID, in a transaction of its own: VALIDATE scans the table without blocking writes.
ALTER TABLE "audit_logs" VALIDATE CONSTRAINT "ck_audit_logs_entityType_min_length";
ALTER TABLE "audit_logs" VALIDATE CONSTRAINT "ck_audit_logs_entityId_min_length";
ALTER TABLE "communication_logs" VALIDATE CONSTRAINT "ck_communication_logs_recipient_min_length";
ALTER TABLE "credit_packs" VALIDATE CONSTRAINT "ck_credit_packs_name_min_length";
ALTER TABLE "gyms" VALIDATE CONSTRAINT "ck_gyms_name_min_length";
ALTER TABLE "gyms" VALIDATE CONSTRAINT "ck_gyms_slug_min_length";
ALTER TABLE "gyms" VALIDATE CONSTRAINT "ck_gyms_email_format";
ALTER TABLE "gym_equipment" VALIDATE CONSTRAINT "ck_gym_equipment_name_min_length";
ALTER TABLE "notifications" VALIDATE CONSTRAINT "ck_notifications_title_min_length";
ALTER TABLE "parq_questionnaires" VALIDATE CONSTRAINT "ck_parq_questionnaires_signatureName_min_length";
ALTER TABLE "sessions" VALIDATE CONSTRAINT "ck_sessions_title_min_length";
ALTER TABLE "subscription_plans" VALIDATE CONSTRAINT "ck_subscription_plans_name_min_length";
ALTER TABLE "support_comments" VALIDATE CONSTRAINT "ck_support_comments_body_min_length";
ALTER TABLE "support_tickets" VALIDATE CONSTRAINT "ck_support_tickets_subject_min_length";
ALTER TABLE "users" VALIDATE CONSTRAINT "ck_users_email_format";
ALTER TABLE "users" VALIDATE CONSTRAINT "ck_users_firstName_min_length";
ALTER TABLE "users" VALIDATE CONSTRAINT "ck_users_lastName_min_length";
