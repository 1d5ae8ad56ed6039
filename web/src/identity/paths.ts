/** The identity pages' addresses (see `paths.ts` for why they are expressions, not JSX literals). */
export const identityPaths = {
  login: "/login",
  verify: "/login/verify",
  me: "/me",
} as const;

export const devOutboxPath = "/dev/outbox";
