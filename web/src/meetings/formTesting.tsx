import { fireEvent, screen } from "@solidjs/testing-library";
import { renderAt } from "../ui/testing";
import { EditMeetingPage, NewMeetingPage } from "./MeetingFormPage";

/** Renders the plan form at `address`; saving lands on a stand-in meeting page headed "Mötet". */
export function openMeetingForm(address: string) {
  return renderAt(address, {
    "/meetings/new": NewMeetingPage,
    "/meetings/:id/edit": EditMeetingPage,
    "/meetings/:id": () => <h1>Mötet</h1>,
  });
}

/** Types `value` into the field labelled `label`. */
export const typeInto = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
