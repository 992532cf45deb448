// Numbers as people type and paste them, one rule for both homes (the popup's fields, the runner's
// --phone and prompts, the options page and the runner's settings): a contact card's `+86 139 0013
// 9001`, a form's `139-0013-9001`, an IME's full-width `１３９…` all mean `13900139001`. Cleaning
// comes before the checks of utils/validation.ts, which stay strict: what is sent is always digits.

/**
 * The text with full-width forms folded to their ASCII ones (`１２：３０` → `12:30`, `＋` → `+`, the
 * ideographic space → a space), by Unicode compatibility normalisation (NFKC), as a Chinese IME types them.
 */
export const halfWidth = (raw: string): string => raw.normalize('NFKC');

// Separators people put inside a number: spaces, hyphens and dashes, dots, brackets.
const SEPARATORS = /[\s\-.()\u2010-\u2015]/g;

/**
 * A mainland mobile number as typed or pasted, cleaned: full-width digits folded, separators gone, a
 * country code (`+86`, `0086`, `86` before the 11 digits) dropped (the Times login sends areaCode 86
 * apart). Anything else comes back compacted but otherwise as it was, for phoneError to refuse.
 */
export function cleanPhone(raw: string): string {
  const compact = halfWidth(raw).replace(SEPARATORS, '');
  const national = /^(?:\+?86|0086)(1\d{10})$/.exec(compact);
  return national ? national[1] : compact;
}

/** An SMS code as typed or pasted: full-width digits folded, spaces anywhere dropped (`１２ ３４５６` → `123456`). */
export const cleanCode = (raw: string): string => halfWidth(raw).replace(/\s+/g, '');
