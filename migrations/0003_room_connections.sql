CREATE TABLE `room_connections` (
	`session_id` text NOT NULL,
	`document_id` text NOT NULL,
	`connected_at` integer NOT NULL,
	PRIMARY KEY(`session_id`, `document_id`)
);
--> statement-breakpoint
CREATE INDEX `room_connections_document` ON `room_connections` (`document_id`);