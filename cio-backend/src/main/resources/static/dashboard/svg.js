// Small helpers to build SVG and HTML with the DOM API only (never innerHTML: station names are data).
const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes, appended to parent when given. */
export function svg(name, attributes = {}, parent = null, text = null) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(key, String(value));
  }
  if (text !== null) element.textContent = text;
  if (parent) parent.appendChild(element);
  return element;
}

/** An HTML element with attributes and text, appended to parent when given. */
export function html(name, attributes = {}, parent = null, text = null) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(key, String(value));
  }
  if (text !== null) element.textContent = text;
  if (parent) parent.appendChild(element);
  return element;
}

/** Removes all children. */
export function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
  return element;
}

/** Watts as kilowatts with one decimal. */
export function kW(watts) {
  return (watts / 1000).toFixed(1);
}
