import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { findGroup } from "../access/groups";
import { consultations } from "../consultations/schema";
import { demoOpenConsultationTitle } from "../consultations/seed";
import type { Db } from "../db/client";
import { randomSecret, sha256 } from "../http/secrets";
import { guestInvites } from "../identity/schema";
import { motions } from "../motions/schema";
import { base64urlEncode } from "../shared/base64url";
import type { createMeetingSchema } from "../shared/meeting-schemas";
import { meetingSettingsSchema } from "../shared/meeting-schemas";
import { meetingDocumentId } from "../shared/meetings";
import { stockholmToUtc } from "../shared/stockholm";
import { agendaTemplates } from "./agenda";
import { createMeeting } from "./planning";
import { meetings } from "./schema";

/**
 * Demo meetings in Göteborg's branch (worker/identity/seed/people.json), planned by its chair
 * Bengt through the same steps as the routes: an open conversation three days ahead that
 * guests join by a link, and the annual meeting two weeks ahead, members only, with the
 * formal agenda and the board-answered motion "Solceller på kommunens tak" under "Motioner",
 * and a members' meeting five days ahead that writes the branch's answer to the open demo
 * consultation together, its workspace opened from the agenda item (so the consultations are
 * seeded first: worker/dev/routes.ts). Idempotent: a meeting already there (same group and title) is left alone.
 */

const dayMs = 24 * 3600 * 1000;

/**
 * The demo open meeting's guest link carries a fixed token, so the link stays the same
 * across starts (only its hash is stored; seeding is development-only, like this link).
 */
export async function demoMeetingInviteToken(): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode("samtal demo meeting invite"),
  );
  return base64urlEncode(new Uint8Array(digest));
}

/** A Stockholm wall-clock time `days` from now at `hour`, as the planning form sends it. */
function stockholmDay(days: number, hour: number): string {
  const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short" }).format(
    Date.now() + days * dayMs,
  );
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

type Plan = z.output<typeof createMeetingSchema>;

function plan(
  input: Omit<Plan, "settings" | "videoUrl" | "startsAt" | "endsAt"> & {
    days: number;
    hours: [number, number];
    videoUrl?: string;
  },
): Plan {
  const { days, hours, videoUrl, ...rest } = input;
  return {
    ...rest,
    videoUrl: videoUrl ?? null,
    settings: meetingSettingsSchema.partial().parse({}),
    startsAt: stockholmToUtc(stockholmDay(days, hours[0])) ?? 0,
    endsAt: stockholmToUtc(stockholmDay(days, hours[1])) ?? 0,
  };
}

export async function seedDemoMeetings(db: Db): Promise<number> {
  const group = await findGroup(db, { kind: "branch", slug: "goteborg" });
  if (!group) return 0;
  const exists = async (title: string) =>
    (
      await db
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.groupId, group.groupId), eq(meetings.title, title)))
    ).length > 0;
  let created = 0;

  const openTitle = "Öppet samtal: tryggare kvarter";
  if (!(await exists(openTitle))) {
    const id = await createMeeting(
      db,
      group,
      plan({
        title: openTitle,
        days: 3,
        hours: [18, 20],
        access: "open",
        template: "conversation",
        videoUrl: "https://meet.jit.si/samtal-demo-tryggare-kvarter",
        agenda: [],
        officers: { secretary: "demo-cecilia" },
      }),
      "demo-bengt",
    );
    const now = Date.now();
    const tokenHash = await sha256(await demoMeetingInviteToken());
    await db
      .insert(guestInvites)
      .values({
        id: randomSecret(12),
        tokenHash,
        documentId: meetingDocumentId(id),
        createdBy: "demo-bengt",
        createdAt: now,
        expiresAt: now + 31 * dayMs,
      })
      .onConflictDoNothing();
    created++;
  }

  const annualTitle = "Årsmöte i Göteborgs arbetarekommun";
  if (!(await exists(annualTitle))) {
    const [motion] = await db
      .select({ id: motions.id })
      .from(motions)
      .where(and(eq(motions.groupId, group.groupId), eq(motions.title, "Solceller på kommunens tak")));
    await createMeeting(
      db,
      group,
      plan({
        title: annualTitle,
        days: 14,
        hours: [13, 16],
        access: "members",
        template: "blank",
        // The annual template, with the motion on its "Motioner" item.
        agenda: agendaTemplates.annual.map((item) => ({
          ...item,
          motionId: item.title === "Motioner" ? (motion?.id ?? null) : null,
          consultationId: null,
        })),
        officers: { secretary: "demo-cecilia", adjusters: ["demo-ida"] },
      }),
      "demo-bengt",
    );
    created++;
  }

  const consultationMeetingTitle = "Medlemsmöte: vi svarar på rådslaget";
  const [consultation] = await db
    .select({ id: consultations.id, title: consultations.title })
    .from(consultations)
    .where(eq(consultations.title, demoOpenConsultationTitle));
  if (consultation && !(await exists(consultationMeetingTitle))) {
    await createMeeting(
      db,
      group,
      plan({
        title: consultationMeetingTitle,
        days: 5,
        hours: [18, 20],
        access: "members",
        template: "blank",
        agenda: [
          { title: "Mötets öppnande", kind: "formal", motionId: null, consultationId: null },
          { title: consultation.title, kind: "discussion", motionId: null, consultationId: consultation.id },
          { title: "Övriga frågor", kind: "discussion", motionId: null, consultationId: null },
          { title: "Mötets avslutande", kind: "formal", motionId: null, consultationId: null },
        ],
        officers: { secretary: "demo-cecilia" },
      }),
      "demo-bengt",
    );
    created++;
  }
  return created;
}
