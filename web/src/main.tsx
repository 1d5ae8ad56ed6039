import "./ui/tokens.css";
import "./ui/base.css";
import { render } from "solid-js/web";
import { App } from "./App";

const root = document.getElementById("root");
if (root) render(() => <App />, root);
