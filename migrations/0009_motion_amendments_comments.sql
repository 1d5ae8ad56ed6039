CREATE TABLE `motion_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`motion_id` integer NOT NULL,
	`version_number` integer NOT NULL,
	`first_line` integer NOT NULL,
	`last_line` integer NOT NULL,
	`part` text NOT NULL,
	`block` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`old_text` text NOT NULL,
	`text` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`result_version` integer,
	`applied_start` integer,
	`applied_end` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motion_amendments_motion` ON `motion_amendments` (`motion_id`,`version_number`);--> statement-breakpoint
CREATE TABLE `motion_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`motion_id` integer NOT NULL,
	`thread_id` integer,
	`field` text,
	`anchor_start` text,
	`anchor_end` text,
	`quote` text,
	`body` text NOT NULL,
	`resolved_by` text,
	`resolved_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`thread_id`) REFERENCES `motion_comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motion_comments_motion` ON `motion_comments` (`motion_id`,`thread_id`);