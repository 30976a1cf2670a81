import { describe, expect, it } from 'vitest';
import { placeAccounts, recipientsOf, type UnitPlace } from './reminder-recipients.ts';

const accounts = placeAccounts([
  { userId: 'school-1', role: 'school', municipalityId: 'mun-1', organisationId: 'org-1' },
  { userId: 'school-1-deputy', role: 'school', municipalityId: 'mun-1', organisationId: 'org-1' },
  { userId: 'school-3', role: 'school', municipalityId: 'mun-2', organisationId: 'org-3' },
  { userId: 'mun-1', role: 'municipal_coordinator', municipalityId: 'mun-1', organisationId: null },
  { userId: 'region', role: 'regional_coordinator', municipalityId: null, organisationId: null },
  // Read-only and coaching roles are never told about someone else's deadlines.
  { userId: 'observer', role: 'observer', municipalityId: null, organisationId: null },
  { userId: 'curator', role: 'curator', municipalityId: null, organisationId: 'org-1' },
]);

const school1: UnitPlace = { municipalityId: 'mun-1', organisationId: 'org-1' };
const school2: UnitPlace = { municipalityId: 'mun-1', organisationId: 'org-2' }; // no school account
const school3: UnitPlace = { municipalityId: 'mun-2', organisationId: 'org-3' }; // municipality without МОУО account
const municipality1: UnitPlace = { municipalityId: 'mun-1', organisationId: null };
const region: UnitPlace = { municipalityId: null, organisationId: null };

describe('who is told about a reminder', () => {
  it.each([
    ['due-soon', 'school unit', school1, ['school-1', 'school-1-deputy']],
    ['overdue', 'school unit', school1, ['school-1', 'school-1-deputy']],
    ['escalation', 'school unit', school1, ['mun-1']],
    ['due-soon', 'school unit without accounts', school2, []],
    ['escalation', 'school unit without accounts', school2, ['mun-1']],
    ['overdue', 'school of a municipality without a coordinator', school3, ['school-3']],
    ['escalation', 'school of a municipality without a coordinator', school3, ['region']],
    ['due-soon', 'municipal unit', municipality1, ['mun-1']],
    ['escalation', 'municipal unit', municipality1, ['region']],
    ['overdue', 'regional unit', region, ['region']],
    ['escalation', 'regional unit', region, []],
  ] as const)('%s about a %s', (kind, _what, place, expected) => {
    expect(recipientsOf(kind, place, accounts)).toEqual(expected);
  });
});
