import { z } from "zod";
import type { Db } from "../db/client";
import type { Mail } from "./mailer";

/**
 * What a queued mail holds: which mail it is, what it is about and whom it is for, as ids.
 * Never an address or a text: that someone gets a branch's meeting mail says she is a
 * member (political opinion), and a queue is kept outside our database, where erasure does
 * not reach. The consumer reads the address and writes the mail at delivery
 * (worker/mail/delivery.ts), so a person erased in between gets nothing.
 */
export const mailMessageSchema = z.union([
  z.object({
    kind: z.enum(["meeting.invitation", "meeting.reminder"]),
    meetingId: z.number().int().positive(),
    personId: z.string().min(1),
    /** Where the web app is, for the links: the request's origin or PUBLIC_ORIGIN. */
    origin: z.url(),
  }),
  z.object({
    kind: z.enum(["consultation.opening", "consultation.reminder", "consultation.feedback"]),
    consultationId: z.number().int().positive(),
    groupId: z.number().int().positive(),
    personId: z.string().min(1),
  }),
]);

export type MailMessage = z.infer<typeof mailMessageSchema>;
export type MeetingMailMessage = Extract<MailMessage, { meetingId: number }>;
export type ConsultationMailMessage = Extract<MailMessage, { consultationId: number }>;

/** Whom a message goes to, as read at delivery: a person with an address, not erased. */
export interface MailRecipient {
  id: string;
  email: string;
  name: string | null;
}

/**
 * A feature's mail written at delivery: one mail per message, in order, or null where there
 * is nothing to send any more (the meeting was deleted). It reads what it needs for the
 * whole list at once, never a query per message.
 */
export type MailRenderer<M extends MailMessage> = (
  db: Db,
  list: { message: M; to: MailRecipient }[],
) => Promise<(Mail | null)[]>;
