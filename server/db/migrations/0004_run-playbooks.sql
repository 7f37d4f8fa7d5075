CREATE TABLE `run_playbooks` (
	`hash` text PRIMARY KEY NOT NULL,
	`json` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `runs` ADD `playbook_hash` text;