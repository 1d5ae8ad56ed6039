-- Full-text index over group names, kept in step with `groups` by triggers.
-- remove_diacritics 2 lets "goteborg" find "Göteborg" for people typing on a keyboard
-- without Swedish letters; the search API turns each word into a prefix query.
CREATE VIRTUAL TABLE `group_search` USING fts5(
	`name`,
	content='groups',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `groups_search_insert` AFTER INSERT ON `groups` BEGIN
	INSERT INTO `group_search` (rowid, `name`) VALUES (new.`id`, new.`name`);
END;
--> statement-breakpoint
CREATE TRIGGER `groups_search_delete` AFTER DELETE ON `groups` BEGIN
	INSERT INTO `group_search` (`group_search`, rowid, `name`) VALUES ('delete', old.`id`, old.`name`);
END;
--> statement-breakpoint
CREATE TRIGGER `groups_search_update` AFTER UPDATE OF `name` ON `groups` BEGIN
	INSERT INTO `group_search` (`group_search`, rowid, `name`) VALUES ('delete', old.`id`, old.`name`);
	INSERT INTO `group_search` (rowid, `name`) VALUES (new.`id`, new.`name`);
END;
