/**
 * @module i18n
 * Every word the console shows comes from `i18n/<lang>.json` through `t()`.
 * The language is the one the customer picked, else the browser's first
 * preference (Chinese for any `zh*`, English otherwise).
 */

const LANGS = ["zh", "en"];
const STORE = "gpu-agent.console.lang";

let lang = "en";
let messages = {};
let fallback = {};

/** Picks the language: the saved choice, then the browser's, then English. */
export function preferredLanguage() {
  const saved = localStorage.getItem(STORE);
  if (LANGS.includes(saved)) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).toLowerCase().split("-")[0];
    if (LANGS.includes(base)) return base;
  }
  return "en";
}

async function load(code) {
  const response = await fetch(`/console/i18n/${code}.json`);
  if (!response.ok) throw new Error(`missing messages for ${code}`);
  return response.json();
}

/** Loads `code`'s messages (English fills any gap) and remembers it if `save`. */
export async function setLanguage(code, save = false) {
  const next = LANGS.includes(code) ? code : "en";
  const [own, en] = await Promise.all([load(next), next === "en" ? null : load("en")]);
  messages = own;
  fallback = en ?? own;
  lang = next;
  if (save) localStorage.setItem(STORE, next);
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
  document.title = t("app.title");
}

export function language() {
  return lang;
}

export function otherLanguage() {
  return lang === "zh" ? "en" : "zh";
}

/** The message at `key` with `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
  const text = messages[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** True when a message exists, for optional texts such as error hints. */
export function has(key) {
  return key in messages || key in fallback;
}
