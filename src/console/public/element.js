/**
 * Builds DOM nodes without HTML parsing: every string becomes a text node or an attribute value,
 * so data from users and the server can never turn into markup or script.
 *
 * el('p', { class: 'meta', text: name }, child, 'more text')
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'innerHTML' || key === 'outerHTML' || key === 'style') {
      throw new Error(`el(): "${key}" is not allowed`);
    }
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (typeof value !== 'string' && key in node) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/**
 * Replaces a container's children and, when focus was inside it, puts focus back on the element
 * with the same `data-focus-key` (re-rendering must not throw keyboard users back to the top).
 */
export function replaceChildren(container, ...children) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset?.focusKey : undefined;
  container.replaceChildren();
  append(container, children);
  if (key) container.querySelector(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}
