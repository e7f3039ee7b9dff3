CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_customer` ON `api_keys` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `artifacts` (
	`id` text PRIMARY KEY NOT NULL,
	`job_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`compute_unit_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`object_key` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `artifacts_job` ON `artifacts` (`job_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `artifacts_unit_name` ON `artifacts` (`compute_unit_id`,`name`);--> statement-breakpoint
CREATE TABLE `compute_units` (
	`id` text PRIMARY KEY NOT NULL,
	`job_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`position` integer NOT NULL,
	`stage` text NOT NULL,
	`kind` text NOT NULL,
	`shard_index` integer NOT NULL,
	`shard_count` integer NOT NULL,
	`entrypoint` text NOT NULL,
	`depends_on` text NOT NULL,
	`required_vram_mb` integer NOT NULL,
	`required_disk_mb` integer NOT NULL,
	`status` text NOT NULL,
	`attempt_count` integer DEFAULT 0 NOT NULL,
	`node_id` text,
	`runtime_seconds` real,
	`credits_charged` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`job_id`) REFERENCES `training_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `compute_units_job` ON `compute_units` (`job_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`credit_balance` integer DEFAULT 0 NOT NULL,
	`credit_reserved` integer DEFAULT 0 NOT NULL,
	`jobs_per_minute` integer DEFAULT 10 NOT NULL,
	`max_active_jobs` integer DEFAULT 3 NOT NULL,
	`daily_unit_quota` integer DEFAULT 200 NOT NULL,
	`requests_per_minute` integer DEFAULT 600 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`status` text NOT NULL,
	`object_key` text NOT NULL,
	`multipart_upload_id` text,
	`failure` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ready_at` integer,
	`format` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `datasets_customer` ON `datasets` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `job_events` (
	`id` text PRIMARY KEY NOT NULL,
	`job_id` text NOT NULL,
	`type` text NOT NULL,
	`compute_unit_id` text,
	`node_id` text,
	`data` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `job_events_job` ON `job_events` (`job_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`type` text NOT NULL,
	`amount` integer NOT NULL,
	`balance_after` integer NOT NULL,
	`reserved_after` integer NOT NULL,
	`job_id` text,
	`compute_unit_id` text,
	`dedupe_key` text NOT NULL,
	`description` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_entries_dedupe` ON `ledger_entries` (`customer_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `ledger_entries_customer` ON `ledger_entries` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `node_enrollments` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`clearance` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`node_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `node_enrollments_token_hash_unique` ON `node_enrollments` (`token_hash`);--> statement-breakpoint
CREATE TABLE `nodes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`status` text NOT NULL,
	`clearance` text NOT NULL,
	`capabilities` text NOT NULL,
	`reliability` real DEFAULT 1 NOT NULL,
	`connected` integer DEFAULT false NOT NULL,
	`last_heartbeat_at` integer,
	`units_completed` integer DEFAULT 0 NOT NULL,
	`units_failed` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nodes_secret` ON `nodes` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `nodes_created` ON `nodes` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `training_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`dataset_id` text NOT NULL,
	`training_package_id` text NOT NULL,
	`required_vram_mb` integer NOT NULL,
	`required_disk_mb` integer NOT NULL,
	`max_runtime_seconds` integer NOT NULL,
	`sensitivity` text NOT NULL,
	`hyperparameters` text,
	`status` text NOT NULL,
	`progress` text NOT NULL,
	`unit_count` integer NOT NULL,
	`projected_credits` integer NOT NULL,
	`charged_credits` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_jobs_customer` ON `training_jobs` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `training_jobs_customer_status` ON `training_jobs` (`customer_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `training_jobs_dataset` ON `training_jobs` (`dataset_id`,`status`);--> statement-breakpoint
CREATE INDEX `training_jobs_package` ON `training_jobs` (`training_package_id`,`status`);--> statement-breakpoint
CREATE TABLE `training_packages` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`status` text NOT NULL,
	`object_key` text NOT NULL,
	`multipart_upload_id` text,
	`failure` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ready_at` integer,
	`entrypoint` text,
	`manifest` text,
	`entry_count` integer,
	`uncompressed_bytes` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_packages_customer` ON `training_packages` (`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `unit_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`compute_unit_id` text NOT NULL,
	`job_id` text NOT NULL,
	`node_id` text NOT NULL,
	`number` integer NOT NULL,
	`status` text NOT NULL,
	`outcome` text,
	`verdict` text,
	`outputs` text,
	`exit_code` integer,
	`error` text,
	`started_at` integer NOT NULL,
	`ended_at` integer
);
--> statement-breakpoint
CREATE INDEX `unit_attempts_unit` ON `unit_attempts` (`compute_unit_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `unit_attempts_unit_number` ON `unit_attempts` (`compute_unit_id`,`number`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`endpoint_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`event_type` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_status_code` integer,
	`last_error` text,
	`next_attempt_at` integer,
	`error_code` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_endpoint` ON `webhook_deliveries` (`endpoint_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`status` text NOT NULL,
	`disabled_reason` text,
	`created_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_customer` ON `webhook_endpoints` (`customer_id`,`created_at`,`id`);