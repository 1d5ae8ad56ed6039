CREATE TABLE `motion_authors` (
	`motion_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`initiator` integer DEFAULT false NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`motion_id`, `person_id`),
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motion_authors_person` ON `motion_authors` (`person_id`);--> statement-breakpoint
CREATE TABLE `motion_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`title` text NOT NULL,
	`deadline` integer NOT NULL,
	`min_supporters` integer DEFAULT 0 NOT NULL,
	`accepts_member_motions` integer DEFAULT true NOT NULL,
	`line_length` integer DEFAULT 80 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motion_periods_group` ON `motion_periods` (`group_id`,`deadline`);--> statement-breakpoint
CREATE TABLE `motion_supporters` (
	`motion_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`supported_at` integer NOT NULL,
	PRIMARY KEY(`motion_id`, `person_id`),
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `motion_treatments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`motion_id` integer NOT NULL,
	`version_number` integer NOT NULL,
	`step` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`verdicts` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motion_treatments_motion` ON `motion_treatments` (`motion_id`,`step`);--> statement-breakpoint
CREATE TABLE `motion_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`motion_id` integer NOT NULL,
	`number` integer NOT NULL,
	`reason` text NOT NULL,
	`title` text NOT NULL,
	`motivation_text` text NOT NULL,
	`motivation_json` text NOT NULL,
	`proposals` text NOT NULL,
	`line_length` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `motion_versions_number` ON `motion_versions` (`motion_id`,`number`);--> statement-breakpoint
CREATE TABLE `motions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`period_id` integer,
	`origin_id` integer,
	`sender_group_id` integer,
	`forwarded_to_id` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`period_id`) REFERENCES `motion_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`origin_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`forwarded_to_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motions_group_state` ON `motions` (`group_id`,`state`);--> statement-breakpoint
CREATE INDEX `motions_origin` ON `motions` (`origin_id`);