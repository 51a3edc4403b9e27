// WhatsApp reads *bold*, _italic_ and ~strike~ only as a pair that hugs its text and does not
// touch a letter or digit outside; the same rule keeps "*123#" or "file_name" intact.
// https://faq.whatsapp.com/539178204879377
const MARKUP_PAIR = /(?<![\p{L}\p{N}])([*_~])(?=\S)((?:(?!\1)[^\n])*?\S)\1(?![\p{L}\p{N}])/gu;

// Nesting (*_hola_*) needs one pass per level; WhatsApp users rarely go past two.
const MAX_NESTING = 3;

export function stripWhatsAppMarkup(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_NESTING; pass += 1) {
    const next = current.replace(MARKUP_PAIR, '$2');
    if (next === current) break;
    current = next;
  }
  return current;
}
