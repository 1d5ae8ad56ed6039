CREATE TABLE `spent_room_tokens` (
	`jti` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `spent_room_tokens_expires` ON `spent_room_tokens` (`expires_at`);--> statement-breakpoint
CREATE INDEX `guest_invites_creator` ON `guest_invites` (`created_by`);--> statement-breakpoint
CREATE INDEX `guests_invite` ON `guests` (`invite_id`);