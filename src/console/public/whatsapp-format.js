/**
 * WhatsApp's *bold*, _italic_ and ~strikethrough~ as DOM nodes. The text is split and each piece
 * becomes a text node inside <strong>/<em>/<s> built with createElement: no HTML is ever parsed,
 * so a message containing markup shows as the characters it is.
 * https://faq.whatsapp.com/539178204879377 (formatting rules: markers hug the words they wrap)
 */
const TAGS = { '*': 'strong', _: 'em', '~': 's' };
const STYLED = /(^|[\s([{¡¿"'«])([*_~])(?!\s)([^\n]*?[^\s\\])\2(?=$|[\s.,;:!?)\]}"'»])/g;

export function formatWhatsApp(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(STYLED)) {
    const [whole, before, marker, inner] = match;
    const start = match.index + before.length;
    if (start > last) nodes.push(document.createTextNode(text.slice(last, start)));
    const styled = document.createElement(TAGS[marker]);
    styled.textContent = inner;
    nodes.push(styled);
    last = match.index + whole.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
