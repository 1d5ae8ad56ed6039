CREATE TABLE `consultation_answer_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`version` integer NOT NULL,
	`question_id` integer NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`json` text,
	`choices` text,
	`value` integer,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `consultation_questions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_answer_items_key` ON `consultation_answer_items` (`consultation_id`,`group_id`,`version`,`question_id`);--> statement-breakpoint
CREATE TABLE `consultation_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`version` integer NOT NULL,
	`submitted_by` text,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_answers_version` ON `consultation_answers` (`consultation_id`,`group_id`,`version`);--> statement-breakpoint
CREATE TABLE `consultation_groups` (
	`consultation_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`kind` text NOT NULL,
	`district_id` integer,
	`branch_id` integer,
	`draft` text DEFAULT '[]' NOT NULL,
	`latest_version` integer DEFAULT 0 NOT NULL,
	`reopened` integer DEFAULT false NOT NULL,
	`submitted_at` integer,
	`reminded_at` integer,
	PRIMARY KEY(`consultation_id`, `group_id`),
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_groups_district` ON `consultation_groups` (`consultation_id`,`district_id`);--> statement-breakpoint
CREATE INDEX `consultation_groups_group` ON `consultation_groups` (`group_id`);--> statement-breakpoint
CREATE TABLE `consultation_individual_answers` (
	`consultation_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`items` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`consultation_id`, `group_id`, `person_id`),
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_individual_person` ON `consultation_individual_answers` (`person_id`);--> statement-breakpoint
CREATE TABLE `consultation_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`prompt` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`scale_min` integer,
	`scale_max` integer,
	`scale_min_label` text,
	`scale_max_label` text,
	`comment` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_questions_consultation` ON `consultation_questions` (`consultation_id`,`position`);--> statement-breakpoint
CREATE TABLE `consultation_quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`version` integer NOT NULL,
	`excerpt` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `consultation_questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_quotes_group` ON `consultation_quotes` (`consultation_id`,`group_id`);--> statement-breakpoint
CREATE TABLE `consultation_taggings` (
	`consultation_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`tagged_by` text,
	`tagged_at` integer NOT NULL,
	PRIMARY KEY(`tag_id`, `group_id`, `question_id`),
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tag_id`) REFERENCES `consultation_tags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_id`) REFERENCES `consultation_questions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tagged_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultation_taggings_consultation` ON `consultation_taggings` (`consultation_id`);--> statement-breakpoint
CREATE TABLE `consultation_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`consultation_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`consultation_id`) REFERENCES `consultations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consultation_tags_name` ON `consultation_tags` (`consultation_id`,`name`);--> statement-breakpoint
CREATE TABLE `consultations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asker_group_id` integer NOT NULL,
	`title` text NOT NULL,
	`introduction` text DEFAULT '' NOT NULL,
	`audience` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`published_at` integer,
	`published_by` text,
	`opening_mailed_at` integer,
	`summary` text,
	`summary_published_at` integer,
	`summary_by` text,
	`tags_revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`asker_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`summary_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consultations_asker` ON `consultations` (`asker_group_id`);--> statement-breakpoint
CREATE INDEX `consultations_opens` ON `consultations` (`opens_at`);