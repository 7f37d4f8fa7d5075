ALTER TABLE `run_steps` ADD `log_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `runs` ADD `simulate_json` text;--> statement-breakpoint
ALTER TABLE `runs` ADD `cancel_requested_at` integer;