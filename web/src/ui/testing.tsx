import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import type { Component } from "solid-js";

/**
 * For component tests: renders `routes` (path → page) in a memory router that starts at
 * `address`, and returns its history, so a test can read where the page navigated to.
 */
export function renderAt(address: string, routes: Record<string, Component>) {
  const history = createMemoryHistory();
  history.set({ value: address, replace: true });
  render(() => (
    <MemoryRouter history={history}>
      {Object.entries(routes).map(([path, component]) => (
        <Route path={path} component={component} />
      ))}
    </MemoryRouter>
  ));
  return history;
}
