-- Rate-limit keys become HMACs with a secret and every row gets its expiry. The old rows
-- are keyed by unsalted SHA-256 of e-mail and client addresses, which a list of addresses
-- reverses: they are dropped, not converted (counters last an hour at most anyway).
DROP TABLE `rate_limits`;--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL,
	`expires_at` integer NOT NULL
);
