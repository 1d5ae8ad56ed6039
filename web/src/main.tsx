import "./ui/tokens.css";
import "./ui/base.css";
import { render } from "solid-js/web";
import { App } from "./App";
import { localeReady } from "./i18n";

const root = document.getElementById("root");
// Immediate in Swedish; for a stored English choice, after its dictionary: no Swedish flash.
if (root) void localeReady.then(() => render(() => <App />, root));
