CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`playbook_id` text NOT NULL,
	`mode` text NOT NULL,
	`case_id` text,
	`run_id` text,
	`source` text NOT NULL,
	`external_id` text,
	`rule_id` text,
	`rule_name` text,
	`severity` text NOT NULL,
	`title` text NOT NULL,
	`host` text,
	`user` text,
	`group_key` text,
	`event_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`raw_json` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `alerts_case_idx` ON `alerts` (`case_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `alerts_run_idx` ON `alerts` (`run_id`);--> statement-breakpoint
CREATE INDEX `alerts_source_idx` ON `alerts` (`source`,`received_at`);--> statement-breakpoint
CREATE INDEX `alerts_rule_idx` ON `alerts` (`rule_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `case_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`at` integer NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_comments_case_idx` ON `case_comments` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`kind` text NOT NULL,
	`details` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `case_runs` (
	`case_id` text NOT NULL,
	`run_id` text NOT NULL,
	`playbook_id` text NOT NULL,
	`version` integer,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `run_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_runs_run_idx` ON `case_runs` (`run_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`playbook_id` text NOT NULL,
	`title` text NOT NULL,
	`severity` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`assignee` text,
	`disposition` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`rule_id` text,
	`source` text,
	`group_key` text,
	`alert_count` integer DEFAULT 0 NOT NULL,
	`last_alert_at` integer,
	`detected_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`acknowledged_at` integer,
	`contained_at` integer,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_group_key_idx` ON `cases` (`playbook_id`,`group_key`);--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `cases_rule_idx` ON `cases` (`rule_id`);--> statement-breakpoint
CREATE TABLE `silence_watches` (
	`key` text PRIMARY KEY NOT NULL,
	`playbook_id` text NOT NULL,
	`armed_at` integer NOT NULL,
	`fired_for` integer,
	`fired_at` integer
);
