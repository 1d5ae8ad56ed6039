-- Full-text index over the frozen answers (each question's text in each submitted
-- version), folded like the group and motion search ("gote" finds "Göteborg"). Items are
-- never changed or removed, so inserting is the only trigger needed; the reader keeps to
-- each group's latest version.
CREATE VIRTUAL TABLE `consultation_answer_search` USING fts5(
	`text`,
	content='consultation_answer_items',
	content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `consultation_answer_items_search_insert` AFTER INSERT ON `consultation_answer_items` BEGIN
	INSERT INTO `consultation_answer_search` (rowid, `text`) VALUES (new.`id`, new.`text`);
END;
--> statement-breakpoint
-- A submitted answer is the record of what the group said: never changed, never removed.
CREATE TRIGGER `consultation_answers_immutable_update` BEFORE UPDATE ON `consultation_answers` BEGIN
	SELECT RAISE(ABORT, 'consultation answers are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `consultation_answers_immutable_delete` BEFORE DELETE ON `consultation_answers` BEGIN
	SELECT RAISE(ABORT, 'consultation answers are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `consultation_answer_items_immutable_update` BEFORE UPDATE ON `consultation_answer_items` BEGIN
	SELECT RAISE(ABORT, 'consultation answers are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `consultation_answer_items_immutable_delete` BEFORE DELETE ON `consultation_answer_items` BEGIN
	SELECT RAISE(ABORT, 'consultation answers are immutable');
END;
