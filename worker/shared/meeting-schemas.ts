import { z } from "zod";
import {
  agendaItemKinds,
  agendaMaxItems,
  agendaTitleMaxLength,
  decisionStepsMax,
  decisionTextMaxLength,
  type MeetingCommand,
  meetingAccesses,
  meetingOfficerRoles,
  meetingSettingLimits,
  meetingTemplates,
  meetingTitleMaxLength,
  pollKinds,
  pollMaxOptions,
  pollOptionMaxLength,
  pollQuestionMaxLength,
  proposalKinds,
  proposalTextMaxLength,
  speakerKinds,
  tieBreaks,
} from "./meetings";
import { groupKinds } from "./org";
import { groupRefSchema } from "./org-schemas";
import { stockholmToUtc } from "./stockholm";

/** Validators for the meeting contract in meetings.ts (kept apart so the web bundle needs no zod). */

/** `?group=branch:goteborg`: the group a list or a new meeting belongs to. */
export const meetingGroupQuerySchema = z.object({ group: groupRefSchema(groupKinds) });
/** Who may be named an officer, by name (`q`, as typed; empty lists the first by name). */
export const officerSearchQuerySchema = z.object({ q: z.string().trim().max(100).default("") });
export const groupOfficerSearchQuerySchema = meetingGroupQuerySchema.extend(officerSearchQuerySchema.shape);

const rowId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31);
export const meetingIdParamSchema = z.object({ id: rowId });
export const meetingVoteParamSchema = meetingIdParamSchema.extend({ voteId: rowId });
export const minutesVersionParamSchema = meetingIdParamSchema.extend({
  version: z.coerce.number().int().min(1).max(10_000),
});

/** A Stockholm wall-clock time (`2026-12-01T18:30`), as the UTC instant it names (ms). */
const stockholmTime = z.string().transform((value, ctx) => {
  const utc = stockholmToUtc(value);
  if (utc === null) {
    ctx.addIssue({ code: "custom", message: "a local time in Europe/Stockholm as YYYY-MM-DDTHH:mm" });
    return z.NEVER;
  }
  return utc;
});

/** A video link (Jitsi, Teams, Zoom, Meet…): https only, shown as a link, never embedded unchecked. */
const videoUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" && url.username === "" && url.password === "";
      } catch {
        return false;
      }
    },
    { message: "an https:// link" },
  );

const personId = z.string().min(1).max(64);

export const agendaItemInputSchema = z.object({
  /** An item kept from the agenda as it was (its notes stay); absent for a new one. */
  id: rowId.optional(),
  title: z.string().trim().min(1).max(agendaTitleMaxLength),
  kind: z.enum(agendaItemKinds).default("discussion"),
  /** A motion of the meeting's group treated under this item. */
  motionId: rowId.nullable().default(null),
  /** A published consultation that asks the meeting's group, discussed under this item (its workspace opens from it). */
  consultationId: rowId.nullable().default(null),
});

export const meetingSettingsSchema = z.object({
  firstTimeSpeakersFirst: z.boolean(),
  speechSeconds: z.number().int().min(0).max(meetingSettingLimits.speechSeconds),
  replySeconds: z.number().int().min(0).max(meetingSettingLimits.replySeconds),
  maxRepliesPerSpeech: z.number().int().min(0).max(meetingSettingLimits.maxRepliesPerSpeech),
  closingWindowSeconds: z.number().int().min(0).max(meetingSettingLimits.closingWindowSeconds),
  pointsOfOrderAfterClosing: z.boolean(),
  tieBreakOrdinary: z.enum(tieBreaks),
  tieBreakElection: z.enum(tieBreaks),
});

const officersSchema = z.object({
  chair: personId.nullable().optional(),
  secretary: personId.nullable().optional(),
  adjusters: z.array(personId).max(5).optional(),
});

const meetingFields = {
  title: z.string().trim().min(1).max(meetingTitleMaxLength),
  startsAt: stockholmTime,
  endsAt: stockholmTime,
  access: z.enum(meetingAccesses),
  videoUrl: videoUrl.nullable().default(null),
  settings: meetingSettingsSchema.partial().default({}),
  officers: officersSchema.default({}),
};

const endsAfterStart = {
  check: (m: { startsAt?: number; endsAt?: number }) =>
    m.startsAt === undefined || m.endsAt === undefined || m.endsAt > m.startsAt,
  message: { message: "the meeting ends after it starts", path: ["endsAt"] },
};

/**
 * A new meeting. The agenda is the template's items (the formal opening for `annual`),
 * then `agenda`. The person creating it chairs it unless `officers.chair` says otherwise.
 */
export const createMeetingSchema = z
  .object({
    ...meetingFields,
    template: z.enum(meetingTemplates).default("blank"),
    agenda: z.array(agendaItemInputSchema).max(agendaMaxItems).default([]),
  })
  .refine(endsAfterStart.check, endsAfterStart.message);
export type CreateMeeting = z.input<typeof createMeetingSchema>;

/** Changes to a planned meeting; `agenda` replaces the whole agenda (items named by id keep their notes). */
export const updateMeetingSchema = z
  .object({
    title: meetingFields.title,
    startsAt: stockholmTime,
    endsAt: stockholmTime,
    access: meetingFields.access,
    videoUrl: videoUrl.nullable(),
    settings: meetingSettingsSchema.partial(),
    officers: officersSchema,
    agenda: z.array(agendaItemInputSchema).max(agendaMaxItems),
  })
  .partial()
  .refine(endsAfterStart.check, endsAfterStart.message);
export type UpdateMeeting = z.input<typeof updateMeetingSchema>;

/** `?past=1`: also meetings that have ended (by default only those not ended yet). */
export const meetingPastQuerySchema = z.object({ past: z.enum(["0", "1"]).default("0") });

/** `GET /api/meetings?group=…`: a group's meetings. */
export const meetingListQuerySchema = meetingPastQuerySchema.extend({ group: groupRefSchema(groupKinds) });
export type MeetingListQuery = z.input<typeof meetingListQuerySchema>;

/** A calendar feed's token: 32 random bytes, base64url. */
export const calendarTokenParamSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, "a calendar feed token"),
});

const choice = z
  .number()
  .int()
  .min(0)
  .max(pollMaxOptions - 1);
const choices = z.array(choice).min(1).max(pollMaxOptions);
const optionLabels = z.array(z.string().trim().min(1).max(pollOptionMaxLength)).max(pollMaxOptions);
const entityId = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31);
const participantId = z.string().min(1).max(128);
const decisionText = z.string().trim().min(1).max(decisionTextMaxLength);
const question = z.string().trim().min(1).max(pollQuestionMaxLength);
const proposalText = z.string().trim().min(1).max(proposalTextMaxLength);
const stepIndex = z
  .number()
  .int()
  .min(0)
  .max(decisionStepsMax - 1);

/**
 * Every command frame a participant may send (MeetingCommand). Anything else is answered
 * with an error frame (`meeting_bad_command`) and changes nothing.
 */
export const meetingCommandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("sync") }),
  z.object({ type: z.literal("meeting.open") }),
  z.object({ type: z.literal("meeting.close") }),
  z.object({ type: z.literal("agenda.goto"), itemId: entityId }),
  z.object({ type: z.literal("agenda.adopt") }),
  z.object({
    type: z.literal("agenda.add"),
    title: z.string().trim().min(1).max(agendaTitleMaxLength),
    kind: z.enum(agendaItemKinds),
    decision: decisionText.optional(),
  }),
  z.object({ type: z.literal("speaker.request"), kind: z.enum(speakerKinds) }),
  z.object({ type: z.literal("speaker.withdraw"), entryId: entityId }),
  z.object({ type: z.literal("speaker.move"), entryId: entityId, to: z.number().int().min(0).max(10_000) }),
  z.object({ type: z.literal("speaker.remove"), entryId: entityId }),
  z.object({ type: z.literal("speaker.next") }),
  z.object({ type: z.literal("speaker.stop") }),
  z.object({ type: z.literal("speakers.announce_closing") }),
  z.object({ type: z.literal("speakers.close") }),
  z.object({ type: z.literal("speakers.reopen") }),
  z.object({ type: z.literal("settings.update"), settings: meetingSettingsSchema.partial() }),
  z.object({
    type: z.literal("poll.open"),
    question,
    kind: z.enum(pollKinds),
    options: optionLabels,
  }),
  z.object({ type: z.literal("poll.close"), pollId: entityId }),
  z.object({ type: z.literal("poll.answer"), pollId: entityId, choices }),
  z.object({
    type: z.literal("vote.open"),
    question,
    options: optionLabels.min(2),
    secret: z.boolean(),
  }),
  z.object({ type: z.literal("vote.close"), voteId: entityId }),
  z.object({ type: z.literal("vote.cast"), voteId: entityId, choices }),
  z.object({
    type: z.literal("roll.check"),
    participantId: participantId.optional(),
    checkedIn: z.boolean(),
  }),
  z.object({ type: z.literal("roll.set"), participantId, votingRight: z.boolean() }),
  z.object({
    type: z.literal("decision.record"),
    text: decisionText,
    voteId: entityId.optional(),
    motionVerdicts: z
      .array(z.object({ verdict: z.enum(["approve", "reject", "answered"]) }))
      .max(100)
      .optional(),
  }),
  z.object({
    type: z.literal("officers.set"),
    role: z.enum(meetingOfficerRoles),
    participantIds: z.array(participantId).max(5),
  }),
  z.object({
    type: z.literal("proposal.add"),
    kind: z.enum(proposalKinds),
    text: proposalText.optional(),
    attSats: z.number().int().min(0).max(1000).optional(),
  }),
  z.object({ type: z.literal("proposal.withdraw"), proposalId: entityId }),
  z.object({
    type: z.literal("order.propose"),
    steps: z
      .array(
        z.object({
          proposalIds: z.array(entityId).min(2).max(pollMaxOptions),
          election: z.boolean().optional(),
        }),
      )
      .min(1)
      .max(decisionStepsMax),
  }),
  z.object({ type: z.literal("order.approve") }),
  z.object({ type: z.literal("step.demand_count"), step: stepIndex, secret: z.boolean().optional() }),
  z.object({ type: z.literal("step.decide"), step: stepIndex, proposalId: entityId.optional() }),
  z.object({ type: z.literal("decision.reserve"), decisionId: entityId, text: proposalText.optional() }),
  z.object({ type: z.literal("decision.note"), decisionId: entityId, text: proposalText }),
  z.object({ type: z.literal("decision.adjust"), decisionId: entityId }),
  z.object({ type: z.literal("speakers.resume") }),
]) satisfies z.ZodType<MeetingCommand>;
