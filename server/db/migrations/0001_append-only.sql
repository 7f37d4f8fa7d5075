-- Append-only and immutable tables: enforced by the database, not only by the stores.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `playbook_versions_no_update` BEFORE UPDATE ON `playbook_versions`
BEGIN SELECT RAISE(ABORT, 'published playbook versions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `playbook_versions_no_delete` BEFORE DELETE ON `playbook_versions`
BEGIN SELECT RAISE(ABORT, 'published playbook versions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `templates_immutable` BEFORE UPDATE OF `id`, `version`, `json`, `published_at`, `published_by` ON `templates`
BEGIN SELECT RAISE(ABORT, 'published template versions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `templates_no_delete` BEFORE DELETE ON `templates`
BEGIN SELECT RAISE(ABORT, 'published template versions are immutable'); END;
