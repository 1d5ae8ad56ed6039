import type { sv } from "./sv";

/** Every key of the Swedish dictionary, each with a string: what every other language must supply. */
export type Dictionary = { readonly [K in keyof typeof sv]: string };

/** English. Typed as `Dictionary`, so a missing or extra key is a compile error. */
export const en: Dictionary = {
  "app.name": "samtal",
  "app.titleSuffix": "samtal",
  "app.homeLink": "samtal – go to the home page",

  "skip.toContent": "Skip to content",
  "nav.label": "Main menu",
  "nav.home": "Home",
  "nav.organisation": "Organisation",

  "language.switch": "Svenska",

  "dev.banner": "Development mode: demo data",

  "footer.text":
    "samtal is a platform for the Social Democrats' members, associations and municipal branches – for Sweden's best political conversation.",

  "loading.text": "Loading…",

  "home.title": "Welcome to samtal",
  "home.lead": "samtal is the digital meeting place for the Social Democrats' members and organisations.",
  "home.who":
    "It is for you if you are a member, an elected representative or active in a municipal branch, a local association, a party district or a side organisation.",
  "home.what":
    "Here we will write motions together, meet without travelling and answer the party's consultations – from your phone or your computer.",
  "home.start": "Start by finding your municipal branch or association in the organisation.",
  "home.cta": "Find your municipal branch",
  "home.coming.title": "Coming soon",
  "home.coming.motions": "Motions and policy drafts that you write together, in real time.",
  "home.coming.meetings": "Travel-free meetings with agenda, speaker list, notes and decisions.",
  "home.coming.consultations":
    "Consultations from the national board, answered by branches and associations.",

  "home.try": "Try a shared document",

  "document.title": "Shared document",
  "document.lead": "Write together in real time. Everyone with the document open sees the changes at once.",
  "document.id": "Document: {id}",
  "document.name.label": "Your name",
  "document.name.hint": "The others in the document see your name at your cursor.",
  "document.name.submit": "Join",
  "document.name.missing": "Enter your name to join.",
  "document.name.change": "Change name",
  "document.name.you": "Others see you as {name}.",
  "document.editor.label": "Document text",
  "document.presence.title": "Here now",
  "document.presence.you": "{name} (you)",

  "room.status.connecting": "Connecting…",
  "room.status.connected": "Connected",
  "room.status.reconnecting": "Reconnecting…",
  "room.status.offline": "Offline – your changes are kept and sent when you reconnect",
  "room.retry": "Connect again",
  "room.reason.normal": "The connection to the document was closed.",
  "room.reason.going_away": "The server is restarting. Reconnecting shortly.",
  "room.reason.internal_error": "Something went wrong on our side. Reconnecting shortly.",
  "room.reason.message_too_big":
    "A change was too large to send and has not been saved. Copy your text before you reload the page.",
  "room.reason.malformed_message": "The connection was closed after a technical error. Reload the page.",
  "room.reason.token_invalid": "Your access to the document could not be confirmed. Reload the page.",
  "room.reason.token_expired": "Your access to the document expired. Reconnecting.",
  "room.reason.read_only": "You can only read this document.",
  "room.reason.document_too_large":
    "The document has reached its maximum size. Your latest changes have not been saved.",
  "room.reason.rate_limited": "Too many changes in a short time. Reconnecting in a moment.",
  "room.reason.access_revoked": "You no longer have access to this document.",
  "room.reason.login_required": "Log in to open shared documents.",
  "room.reason.forbidden": "You are not allowed to open this document.",

  "org.title": "The organisation",
  "org.lead": "The Social Democrats are organised in {districts}, {branches}, {associations} and {sides}.",
  "org.search.title": "Search the organisation",
  "org.search.label": "Search for a branch, district or association",
  "org.search.hint": "Type the start of a name, for example “Göte”. Results appear as you type.",
  "org.search.submit": "Search",
  "org.search.searching": "Searching…",
  "org.search.hits.one": "1 result for “{query}”.",
  "org.search.hits.other": "{count} results for “{query}”.",
  "org.search.none": "No results for “{query}”. Try a shorter part of the name.",
  "org.search.capped": "Showing the first {count} results. Type more to narrow them down.",
  "org.search.resultsLabel": "Search results",
  "org.search.in": "in {parent}",
  "org.districts.title": "Party districts",
  "org.side.title": "Side organisations",

  "kind.national": "National board",
  "kind.district": "Party district",
  "kind.branch": "Municipal branch",
  "kind.association": "Local association",
  "kind.side": "Side organisation",

  "kinds.district": "Party districts",
  "kinds.branch": "Municipal branches",
  "kinds.association": "Local associations",
  "kinds.side": "Side organisations",

  "count.district.one": "{count} party district",
  "count.district.other": "{count} party districts",
  "count.branch.one": "{count} municipal branch",
  "count.branch.other": "{count} municipal branches",
  "count.association.one": "{count} local association",
  "count.association.other": "{count} local associations",
  "count.side.one": "{count} side organisation",
  "count.side.other": "{count} side organisations",

  "group.breadcrumb": "You are here",
  "group.kind": "Type",
  "group.county": "County",
  "group.municipalityCode": "Municipality code",
  "group.childrenTitle": "{title} ({count})",
  "group.noAssociations": "No local associations are registered in this municipal branch yet.",
  "group.noBranches": "No municipal branches are registered in this district yet.",

  "account.login": "Log in",
  "account.myPages": "my pages",

  "login.title": "Log in",
  "login.lead": "You do not need a password. Enter your e-mail address and we will send a log-in link to it.",
  "login.email.label": "Your e-mail address",
  "login.email.hint": "The same address the party has in the member register.",
  "login.submit": "Send log-in link",
  "login.sending": "Sending…",
  "login.sent": "If the address is registered, a log-in link is on its way. It is valid for 15 minutes.",
  "login.sent.hint": "No e-mail? Look in your spam folder, or check the address and try again.",
  "login.email.missing": "Enter your e-mail address.",
  "login.email.invalid": "That does not look like an e-mail address. Check it, for example name@example.com.",
  "login.already": "You are already logged in as {name}.",
  "login.already.link": "Go to my pages",
  "login.dev.title": "Log in as",
  "login.dev.lead": "Development mode only: log in directly as one of the demo people, without e-mail.",
  "login.dev.outbox": "Open the development outbox",
  "login.dev.busy": "Logging in as {name}…",

  "verify.title": "Log in",
  "verify.working": "Logging in…",
  "verify.failed": "Could not log in",
  "verify.again": "Ask for a new log-in link",

  "me.title": "My pages",
  "me.name": "Name",
  "me.email": "E-mail",
  "me.groups.title": "My groups",
  "me.groups.roles": "Roles in {group}",
  "me.groups.none": "You are not in any group in samtal yet.",
  "me.sessions.title": "Logged-in devices",
  "me.sessions.lead":
    "These are the browsers where you are logged in. End the session of a device you do not recognise or no longer use.",
  "me.sessions.current": "This device",
  "me.sessions.lastSeen": "Last active {time}",
  "me.sessions.since": "Logged in {time}",
  "me.sessions.end": "End session",
  "me.sessions.ended": "The session on {device} has ended.",
  "me.logout": "Log out",
  "me.loggingOut": "Logging out…",
  "me.loggedOut": "You are logged out.",
  "me.notLoggedIn": "You are not logged in. Log in to see your groups and logged-in devices.",
  "me.login": "Log in",

  "role.member": "Member",
  "role.chair": "Chair",
  "role.secretary": "Secretary",
  "role.board_member": "Board member",
  "role.welcome_officer": "Member-welcome officer",
  "role.activity_lead": "Activity-programme lead",
  "role.union_lead": "Union-political lead",
  "role.national_admin": "National administrator",

  "outbox.title": "Development outbox",
  "outbox.lead":
    "Every e-mail samtal sends in development mode ends up here, newest first. Nothing leaves this computer.",
  "outbox.refresh": "Refresh",
  "outbox.count.one": "1 message.",
  "outbox.count.other": "{count} messages.",
  "outbox.empty": "No messages yet. Ask for a log-in link and it will appear here.",
  "outbox.to": "To",
  "outbox.sent": "Sent",
  "outbox.login": "Go to log-in",

  "notFound.title": "Page not found",
  "notFound.text":
    "There is no page at this address. It may be misspelt, or the page may have been moved or removed.",
  "notFound.groupText":
    "We cannot find that part of the organisation. It may have been renamed or removed, or the address may be misspelt.",
  "notFound.home": "Go to the home page",
  "notFound.organisation": "Go to the organisation page",

  "error.title": "Something went wrong",
  "error.retry": "Try again",
  "error.home": "Go to the home page",
};
