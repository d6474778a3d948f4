/**
 * Polish register identifiers of organisations (DOMAIN.md §4.1): KRS (10 digits, no checksum),
 * NIP (10 digits, weighted mod 11) and REGON (9 or 14 digits, weighted mod 11 mod 10).
 * Input may carry spaces, hyphens and a "PL" prefix; they are stripped before checking.
 */

export type IdentifierKind = 'krs' | 'nip' | 'regon';

export type IdentifierCheck = { ok: true; value: string } | { ok: false; reason: 'format' | 'checksum' };

/** Removes spaces, hyphens, dots and a leading "PL" (as in VAT-EU numbers). */
export function normaliseIdentifier(raw: string): string {
  return raw
    .trim()
    .replace(/^PL/i, '')
    .replace(/[\s\-.]/g, '');
}

const weightedSum = (digits: string, weights: readonly number[]) =>
  weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0);

export function checkKrs(raw: string): IdentifierCheck {
  const value = normaliseIdentifier(raw);
  // KRS numbers are zero-padded to 10 digits; a shorter all-digit number is padded.
  if (!/^\d{1,10}$/.test(value) || /^0+$/.test(value)) return { ok: false, reason: 'format' };
  return { ok: true, value: value.padStart(10, '0') };
}

const nipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

export function checkNip(raw: string): IdentifierCheck {
  const value = normaliseIdentifier(raw);
  if (!/^\d{10}$/.test(value)) return { ok: false, reason: 'format' };
  const remainder = weightedSum(value, nipWeights) % 11;
  if (remainder === 10 || remainder !== Number(value[9])) return { ok: false, reason: 'checksum' };
  return { ok: true, value };
}

const regon9Weights = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const regon14Weights = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

export function checkRegon(raw: string): IdentifierCheck {
  const value = normaliseIdentifier(raw);
  if (!/^(\d{9}|\d{14})$/.test(value)) return { ok: false, reason: 'format' };
  const nineOk = (weightedSum(value, regon9Weights) % 11) % 10 === Number(value[8]);
  if (!nineOk) return { ok: false, reason: 'checksum' };
  if (value.length === 14 && (weightedSum(value, regon14Weights) % 11) % 10 !== Number(value[13])) {
    return { ok: false, reason: 'checksum' };
  }
  return { ok: true, value };
}

export const identifierChecks: Record<IdentifierKind, (raw: string) => IdentifierCheck> = {
  krs: checkKrs,
  nip: checkNip,
  regon: checkRegon,
};

/** Appends the check digit to 9 NIP digits, or returns null when no digit fits (remainder 10). */
export function nipCheckDigit(first9: string): number | null {
  const remainder = weightedSum(first9, nipWeights) % 11;
  return remainder === 10 ? null : remainder;
}

/** The check digit for 8 REGON digits (9-digit REGON). */
export function regon9CheckDigit(first8: string): number {
  return (weightedSum(first8, regon9Weights) % 11) % 10;
}

/** The check digit for 13 REGON digits (14-digit REGON). */
export function regon14CheckDigit(first13: string): number {
  return (weightedSum(first13, regon14Weights) % 11) % 10;
}
