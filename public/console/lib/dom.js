/**
 * @module dom
 * The console's only way to make elements: `h(tag, props, ...children)`.
 * Text always goes in as text nodes, never as HTML, so nothing a server or a
 * customer typed can become markup. `svg()` does the same for SVG elements.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

function apply(el, props) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "class") {
      el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else if (name === "dataset") {
      Object.assign(el.dataset, value);
    } else if (name === "value" || name === "checked" || name === "selected") {
      // The attribute too, so that form.reset() returns to this value.
      if (name !== "value" || el.tagName === "INPUT")
        el.setAttribute(name, value === true ? "" : value);
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element with attributes, listeners (`onClick`) and children. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** An SVG element, same calling convention as `h`. */
export function svg(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** Replaces everything inside `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A form's named fields as an object of strings (checkbox groups as arrays). */
export function formValues(form) {
  const values = {};
  for (const input of form.querySelectorAll("input[type=checkbox][name]")) values[input.name] = [];
  for (const [name, value] of new FormData(form)) {
    if (Array.isArray(values[name])) values[name].push(value);
    else values[name] = value;
  }
  return values;
}
