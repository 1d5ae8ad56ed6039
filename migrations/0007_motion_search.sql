-- Full-text index over motions (title and the plain text of the latest frozen version),
-- kept in step with `motions` by triggers, folded like the group search ("gote" finds
-- "Göteborg"). The search API filters hits by what the asker may see.
CREATE VIRTUAL TABLE `motion_search` USING fts5(
	`title`,
	`body`,
	content='motions',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `motions_search_insert` AFTER INSERT ON `motions` BEGIN
	INSERT INTO `motion_search` (rowid, `title`, `body`) VALUES (new.`id`, new.`title`, new.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `motions_search_delete` AFTER DELETE ON `motions` BEGIN
	INSERT INTO `motion_search` (`motion_search`, rowid, `title`, `body`) VALUES ('delete', old.`id`, old.`title`, old.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `motions_search_update` AFTER UPDATE OF `title`, `body` ON `motions` BEGIN
	INSERT INTO `motion_search` (`motion_search`, rowid, `title`, `body`) VALUES ('delete', old.`id`, old.`title`, old.`body`);
	INSERT INTO `motion_search` (rowid, `title`, `body`) VALUES (new.`id`, new.`title`, new.`body`);
END;
--> statement-breakpoint
-- A frozen version, a board statement and a meeting decision are records of what happened:
-- never changed, never removed.
CREATE TRIGGER `motion_versions_immutable_update` BEFORE UPDATE ON `motion_versions` BEGIN
	SELECT RAISE(ABORT, 'motion versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `motion_versions_immutable_delete` BEFORE DELETE ON `motion_versions` BEGIN
	SELECT RAISE(ABORT, 'motion versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `motion_treatments_immutable_update` BEFORE UPDATE ON `motion_treatments` BEGIN
	SELECT RAISE(ABORT, 'motion treatments are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `motion_treatments_immutable_delete` BEFORE DELETE ON `motion_treatments` BEGIN
	SELECT RAISE(ABORT, 'motion treatments are immutable');
END;
