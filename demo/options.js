// The widget, with its options taken from the page's URL (demo/options.html).
import { mount } from "../recovery-checkin.js";

mount(document.getElementById("place"), Object.fromEntries(new URLSearchParams(location.search)));
