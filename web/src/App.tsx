import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { preloadMotion } from "./motions/preload";
import { browsableKindList } from "./org/links";
import { Layout } from "./ui/Layout";
import NotFoundPage from "./ui/NotFound";

const HomePage = lazy(() => import("./home/HomePage"));
const OrganisationPage = lazy(() => import("./org/OrganisationPage"));
const GroupPage = lazy(() => import("./org/GroupPage"));
const DocumentPage = lazy(() => import("./documents/DocumentPage"));
const LoginPage = lazy(() => import("./identity/LoginPage"));
const VerifyPage = lazy(() => import("./identity/VerifyPage"));
const MePage = lazy(() => import("./identity/MePage"));
const OutboxPage = lazy(() => import("./dev/OutboxPage"));
const ImportPage = lazy(() => import("./members/ImportPage"));
const InvitePage = lazy(() => import("./guests/InvitePage"));
const ErasedPage = lazy(() => import("./identity/ErasedPage"));
const AuditPage = lazy(() => import("./audit/AuditPage"));
const MotionListPage = lazy(() => import("./motions/MotionListPage"));
const MotionPage = lazy(() => import("./motions/MotionPage"));
const MeetingPage = lazy(() => import("./meetings/MeetingPage"));
const MinutesPage = lazy(() => import("./meetings/MinutesPage"));
const NewMeetingPage = lazy(() =>
  import("./meetings/MeetingFormPage").then((page) => ({ default: page.NewMeetingPage })),
);
const EditMeetingPage = lazy(() =>
  import("./meetings/MeetingFormPage").then((page) => ({ default: page.EditMeetingPage })),
);
const ConsultationListPage = lazy(() => import("./consultations/ConsultationListPage"));
const NewConsultationPage = lazy(() => import("./consultations/NewConsultationPage"));
const ConsultationPage = lazy(() => import("./consultations/ConsultationPage"));
const WorkspacePage = lazy(() => import("./consultations/WorkspacePage"));
const ResultsPage = lazy(() => import("./consultations/ResultsPage"));

export function App() {
  return (
    <Router root={Layout}>
      <Route path="/" component={HomePage} />
      <Route path="/organisation" component={OrganisationPage} />
      <Route
        path="/organisation/:kind/:slug"
        component={GroupPage}
        matchFilters={{ kind: [...browsableKindList] }}
      />
      <Route path="/documents/:documentId" component={DocumentPage} />
      <Route path="/motions" component={MotionListPage} />
      <Route path="/motions/:id" component={MotionPage} preload={preloadMotion} />
      <Route path="/meetings/new" component={NewMeetingPage} />
      <Route path="/meetings/:id" component={MeetingPage} />
      <Route path="/meetings/:id/edit" component={EditMeetingPage} />
      <Route path="/meetings/:id/minutes/:version" component={MinutesPage} />
      <Route path="/consultations" component={ConsultationListPage} />
      <Route path="/consultations/new" component={NewConsultationPage} />
      <Route path="/consultations/:id" component={ConsultationPage} />
      <Route path="/consultations/:id/groups/:group" component={WorkspacePage} />
      <Route path="/consultations/:id/results" component={ResultsPage} />
      <Route path="/login" component={LoginPage} />
      <Route path="/login/verify" component={VerifyPage} />
      <Route path="/me" component={MePage} />
      <Route path="/me/erased" component={ErasedPage} />
      <Route path="/invite" component={InvitePage} />
      <Route path="/admin/audit" component={AuditPage} />
      <Route path="/members/import" component={ImportPage} />
      <Route path="/dev/outbox" component={OutboxPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
