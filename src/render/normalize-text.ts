/**
 * Unix line endings, no trailing blanks, at most one blank line between paragraphs, no blank
 * edges: the splitters rely on "\n\n" meaning "paragraph boundary" and nothing else.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
