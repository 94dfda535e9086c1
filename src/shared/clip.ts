/**
 * Errors that quote what a client sent (a call name, a path, a preset) quote at most this much of it, so a
 * 15 MB name never comes back whole. Every message that quotes input goes through `clip`.
 */
export const CLIP_CHARS = 200;

/** `text` when short; otherwise its first `max` characters, an ellipsis and the full length. */
export function clip(text: string, max = CLIP_CHARS): string {
  if (text.length <= max) return text;
  // Do not cut a surrogate pair in half (the reply must stay valid UTF-16 / UTF-8).
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length} characters)`;
}
