/**
 * Deterministic resource ids: the same record of the same person gives the same id in every export, and
 * records of two people that share a case-file id (both may have a duty `du1`) do not collide. Ids are
 * UUIDs of version 8 (RFC 9562: application-defined bits) made from FNV-1a hashes of the record's key, so the
 * domain needs no crypto library; they identify, they do not protect anything.
 */

function fnv1a(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function deterministicUuid(key: string): string {
  const hex = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f].map((seed) => fnv1a(key, seed).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
