// Tutor pairs and partnership agreements: whether one is in force on a date, and matching the names a
// programme document gives to the organisations of the region.
import type { KnownEntities } from '../programme/link-responsible.ts';
import { linkResponsible } from '../programme/link-responsible.ts';

export type PartnershipKind = 'tutor' | 'partnership';
export const partnershipKindLabels: Record<PartnershipKind, string> = {
  tutor: 'школа-тьютор',
  partnership: 'партнёрское соглашение',
};

export type PartnershipStatus = 'active' | 'planned' | 'ended' | 'unmatched';
export const partnershipStatusLabels: Record<PartnershipStatus, string> = {
  active: 'действует',
  planned: 'вступит в силу',
  ended: 'окончено',
  unmatched: 'школа не найдена в справочнике',
};

/** Unmatched while a side is only a name; otherwise by the validity dates (inclusive) against today. */
export function partnershipStatus(
  p: { supporterId: string | null; schoolId: string | null; validFrom: string | null; validTo: string | null },
  today: string,
): PartnershipStatus {
  if (!p.supporterId || !p.schoolId) return 'unmatched';
  if (p.validFrom && today < p.validFrom) return 'planned';
  if (p.validTo && p.validTo < today) return 'ended';
  return 'active';
}

/**
 * The organisation a document's name stands for: the one organisation the whole name links to. A name that
 * links two organisations, or only a part of which is a known name, links none — the user matches it.
 */
export function organisationNamed(name: string, known: KnownEntities): string | null {
  const orgs = linkResponsible(name, known).filter((l) => l.kind === 'organisation');
  if (orgs.length !== 1) return null;
  const rest = name.replace(orgs[0]!.match, '').replace(/[\s.,;«»"()-]/g, '');
  return rest === '' ? orgs[0]!.id : null;
}
