/**
 * @module app
 * The console's entry: loads the language, then shows the sign-in page or
 * the shell (sidebar + page) and routes between pages. When any request finds
 * the key revoked or unknown, the customer lands back on sign-in with the
 * reason.
 */

import { renderShell } from "./components/shell.js";
import { onAuthLost, session } from "./lib/api.js";
import { preferredLanguage, setLanguage } from "./lib/i18n.js";
import { leave, resolve, route, startRouter } from "./lib/router.js";
import { apiKeysPage } from "./pages/api-keys.js";
import { jobPage } from "./pages/job.js";
import { jobNewPage } from "./pages/job-new.js";
import { jobsPage } from "./pages/jobs.js";
import { renderSignIn } from "./pages/signin.js";
import { datasetsPage, packagesPage } from "./pages/uploads.js";
import { usagePage } from "./pages/usage.js";
import { webhooksPage } from "./pages/webhooks.js";

const root = document.getElementById("app");
let shell = null;

function signedOut(reason) {
  leave();
  shell = null;
  renderSignIn(root, reason, () => {
    shell = null;
    resolve();
  });
}

/** Where each page draws: inside the shell, which the router keeps current. */
function pageSlot(pattern) {
  if (!shell) shell = renderShell(root, { onSignOut: () => signedOut(null), onLanguage });
  return shell.page(pattern);
}

async function onLanguage(code) {
  await setLanguage(code, true);
  shell = null;
  resolve();
}

/** Registers a page that needs a signed-in customer; others see sign-in. */
function page(pattern, render) {
  route(pattern, (params, query) => {
    if (!session.key) return signedOut(null);
    return render(pageSlot(pattern), params, query);
  });
}

page("/datasets", (el) => datasetsPage(el));
page("/packages", (el) => packagesPage(el));
page("/jobs", (el, _params, query) => jobsPage(el, query));
page("/jobs/new", (el) => jobNewPage(el));
page("/jobs/:id", (el, params) => jobPage(el, params.id));
page("/usage", (el) => usagePage(el));
page("/api-keys", (el) => apiKeysPage(el));
page("/webhooks", (el) => webhooksPage(el));

onAuthLost((error) => signedOut(error));

await setLanguage(preferredLanguage());
await startRouter("/jobs");
