import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEntryView, GuestInvite, Me } from "../../worker/shared/identity";
import type { RoomTokenResponse } from "../../worker/shared/rooms";
import { RoomPeer } from "../support/room-peer";
import { acceptInvite, api, createInvite, errorBody, logInAs, postJson, seed } from "./helpers";
import { joinWithSession, openSocket } from "./rooms";

/** Every row of every table, as text: where an e-mail address could hide. */
async function everyRowAsText(): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'group_search%'",
  ).all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
    parts.push(`${name}: ${JSON.stringify(rows.results)}`);
  }
  return parts.join("\n");
}

beforeAll(async () => {
  await seed();
});

describe("export", () => {
  it("gives a person all samtal holds about her, as a JSON download", async () => {
    const cookie = await logInAs("demo-bengt");
    const res = await api("/api/me/data/export", { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment/);
    const data = (await res.json()) as {
      person: { email: string; name: string };
      groups: Me["groups"];
      sessions: unknown[];
    };
    expect(data.person).toMatchObject({ name: "Bengt Olsson", email: "bengt@samtal.example" });
    expect(data.groups.map((g) => g.group.slug)).toEqual(expect.arrayContaining(["goteborg"]));
    expect(data.sessions.length).toBeGreaterThan(0);
    expect((await api("/api/me/data/export")).status).toBe(401);
  });

  it("lists the invites she made, with how many guests came but not who", async () => {
    const cookie = await logInAs("demo-cecilia");
    const made = await createInvite(cookie, "scratch:cecilias-meeting");
    expect((await acceptInvite(made.token, "Gästen Gunnel")).res.status).toBe(200);

    const res = await api("/api/me/data/export", { headers: { Cookie: cookie } });
    const data = (await res.json()) as { guestInvites: GuestInvite[] };
    expect(data.guestInvites).toEqual([
      {
        id: made.id,
        documentId: "scratch:cecilias-meeting",
        createdAt: made.createdAt,
        expiresAt: made.expiresAt,
        revokedAt: null,
        guests: 1,
      },
    ]);
    expect(JSON.stringify(data)).not.toContain("Gästen Gunnel");
  });
});

describe("erasure", () => {
  it("removes her name and e-mail from every table, ends sessions and sockets, keeps a pseudonym", async () => {
    const cookie = await logInAs("demo-greta");
    // Leave traces: a log-in mail in the outbox, an invite with a guest in the room, an open room connection.
    await postJson("/api/auth/login", { email: "greta@samtal.example" });
    const invite = await createInvite(cookie, "scratch:greta");
    const { cookie: guestCookie } = await acceptInvite(invite.token, "Gretas gäst");
    const guest = await joinWithSession("scratch:greta", guestCookie);
    const room = (await (
      await api("/api/rooms/scratch:greta/token", { method: "POST", headers: { Cookie: cookie } })
    ).json()) as RoomTokenResponse;
    const peer = new RoomPeer(await openSocket("scratch:greta", room.token));
    peer.start();
    await peer.synced();
    peer.doc.getText("t").insert(0, "Gretas bidrag");
    await new Promise((r) => setTimeout(r, 100));
    expect(await everyRowAsText()).toContain("greta@samtal.example");

    const refused = await postJson("/api/me/data/erase", { confirm: "yes" }, cookie);
    expect(refused.status).toBe(400);
    const erased = await postJson("/api/me/data/erase", { confirm: "erase" }, cookie);
    expect(erased.status).toBe(204);

    expect(await peer.closed).toEqual({ code: 4410, reason: "access_revoked" });
    // Her invites go, and with them their guests: sessions, sockets and names.
    expect(await guest.closed).toEqual({ code: 4410, reason: "access_revoked" });
    expect((await api("/api/guest", { headers: { Cookie: guestCookie } })).status).toBe(404);
    const left = await env.DB.prepare(
      "SELECT (SELECT count(*) FROM guest_invites WHERE created_by = 'demo-greta') AS invites, (SELECT count(*) FROM guests WHERE invite_id = ?1) AS guests",
    )
      .bind(invite.id)
      .first();
    expect(left).toEqual({ invites: 0, guests: 0 });
    const everything = await everyRowAsText();
    expect(everything).not.toContain("Gretas gäst");
    expect(everything).not.toContain("greta@samtal.example");
    expect(everything).not.toContain("Greta Berg");
    expect((await api("/api/me", { headers: { Cookie: cookie } })).status).toBe(401);
    const person = await env.DB.prepare(
      "SELECT name, email, erased_at FROM people WHERE id = 'demo-greta'",
    ).first();
    expect(person).toMatchObject({ name: null, email: null });
    // Her contribution to a live document stays.
    const reader = new RoomPeer(
      await openSocket(
        "scratch:greta",
        (
          (await (
            await api("/api/rooms/scratch:greta/token", {
              method: "POST",
              headers: { Cookie: await logInAs("demo-bengt") },
            })
          ).json()) as RoomTokenResponse
        ).token,
      ),
    );
    reader.start();
    await reader.waitFor(() => reader.text === "Gretas bidrag");
    reader.close();
    // A log-in request for the old address now finds nobody.
    expect((await postJson("/api/auth/login", { email: "greta@samtal.example" })).status).toBe(202);
  });
});

describe("audit log", () => {
  it("shows administrators who did what, with erased people as nobody, and nobody else", async () => {
    const admin = await logInAs("demo-astrid");
    const res = await api("/api/audit?limit=200", { headers: { Cookie: admin } });
    expect(res.status).toBe(200);
    const entries = (await res.json()) as AuditEntryView[];
    const erasure = entries.find((e) => e.action === "person.erased" && e.subjectId === "demo-greta");
    expect(erasure).toMatchObject({ actorId: "demo-greta", actorName: null });
    expect(JSON.stringify(entries)).not.toContain("@");

    const member = await logInAs("demo-farid");
    const forbidden = await api("/api/audit", { headers: { Cookie: member } });
    expect(forbidden.status).toBe(403);
    expect((await errorBody(forbidden)).code).toBe("forbidden");
    expect((await api("/api/audit")).status).toBe(401);
  });
});
