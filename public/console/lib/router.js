/**
 * @module router
 * A hash router: `#/jobs/abc` matches the pattern `/jobs/:id`. Hash routes
 * keep the console a set of static files (no server rewrites) and keep the
 * API key out of every URL. A page may return a cleanup function (to stop
 * polling), called when the customer leaves it.
 */

const routes = [];
let cleanup = null;
let fallbackPath = "/";

/** Registers `render(params, query)` for `pattern` such as `/jobs/:id`. */
export function route(pattern, render) {
  const names = [];
  const source = pattern.replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return "([^/]+)";
  });
  routes.push({ pattern, regex: new RegExp(`^${source}$`), names, render });
}

export function currentPath() {
  const raw = location.hash.replace(/^#/, "") || fallbackPath;
  return raw.split("?")[0];
}

export function currentQuery() {
  return new URLSearchParams(location.hash.split("?")[1] ?? "");
}

export function navigate(path) {
  if (location.hash === `#${path}`) resolve();
  else location.hash = path;
}

/** Stops the current page (its polling, its timers) without showing another. */
export function leave() {
  if (cleanup) {
    const done = cleanup;
    cleanup = null;
    done();
  }
}

/** Runs the page matching the current hash. */
export async function resolve() {
  leave();
  const path = currentPath();
  const match = routes.map((r) => ({ r, m: r.regex.exec(path) })).find(({ m }) => m !== null);
  if (!match) return navigate(fallbackPath);

  const params = Object.fromEntries(
    match.r.names.map((name, i) => [name, decodeURIComponent(match.m[i + 1])]),
  );
  const result = await match.r.render(params, currentQuery());
  if (typeof result === "function") cleanup = result;
}

export function startRouter(fallback) {
  fallbackPath = fallback;
  window.addEventListener("hashchange", resolve);
  return resolve();
}
