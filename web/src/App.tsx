import { Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { browsableKindList } from "./org/links";
import { Layout } from "./ui/Layout";
import NotFoundPage from "./ui/NotFound";

const HomePage = lazy(() => import("./home/HomePage"));
const OrganisationPage = lazy(() => import("./org/OrganisationPage"));
const GroupPage = lazy(() => import("./org/GroupPage"));
const DocumentPage = lazy(() => import("./documents/DocumentPage"));

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
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
