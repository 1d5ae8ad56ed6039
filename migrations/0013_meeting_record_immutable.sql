-- Who voted and what was voted are records: never changed, never removed. A ballot or a
-- voter for a vote that has closed is refused by the database itself, so a ballot racing the
-- close can never land after the count (the voter and her ballot go in one batch: both or neither).
CREATE TRIGGER `meeting_voters_immutable_update` BEFORE UPDATE ON `meeting_voters` BEGIN
	SELECT RAISE(ABORT, 'meeting voters are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_voters_immutable_delete` BEFORE DELETE ON `meeting_voters` BEGIN
	SELECT RAISE(ABORT, 'meeting voters are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_voters_vote_open` BEFORE INSERT ON `meeting_voters`
WHEN (SELECT `closed_at` FROM `meeting_votes` WHERE `id` = NEW.`vote_id`) IS NOT NULL BEGIN
	SELECT RAISE(ABORT, 'meeting vote closed');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_ballots_immutable_update` BEFORE UPDATE ON `meeting_ballots` BEGIN
	SELECT RAISE(ABORT, 'meeting ballots are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_ballots_immutable_delete` BEFORE DELETE ON `meeting_ballots` BEGIN
	SELECT RAISE(ABORT, 'meeting ballots are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_ballots_vote_open` BEFORE INSERT ON `meeting_ballots`
WHEN (SELECT `closed_at` FROM `meeting_votes` WHERE `id` = NEW.`vote_id`) IS NOT NULL BEGIN
	SELECT RAISE(ABORT, 'meeting vote closed');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_named_ballots_immutable_update` BEFORE UPDATE ON `meeting_named_ballots` BEGIN
	SELECT RAISE(ABORT, 'meeting ballots are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_named_ballots_immutable_delete` BEFORE DELETE ON `meeting_named_ballots` BEGIN
	SELECT RAISE(ABORT, 'meeting ballots are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_named_ballots_vote_open` BEFORE INSERT ON `meeting_named_ballots`
WHEN (SELECT `closed_at` FROM `meeting_votes` WHERE `id` = NEW.`vote_id`) IS NOT NULL BEGIN
	SELECT RAISE(ABORT, 'meeting vote closed');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_decisions_immutable_update` BEFORE UPDATE ON `meeting_decisions` BEGIN
	SELECT RAISE(ABORT, 'meeting decisions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `meeting_decisions_immutable_delete` BEFORE DELETE ON `meeting_decisions` BEGIN
	SELECT RAISE(ABORT, 'meeting decisions are immutable');
END;
