/**
 * NHS numbers: 10 digits, the last a modulus-11 check digit (NHS Data Dictionary). Shown as 3 3 4.
 */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false; // no valid number has a remainder giving 10
  return (check === 11 ? 0 : check) === Number(value[9]);
}

/** Accepts spaces or dashes as people type them ("943 476 5919"); returns the 10 digits. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function formatNhsNumber(value: string): string {
  return /^\d{10}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;
}
