import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attendanceCounts, foldName } from './attendance-counts.js';

describe('attendance counts', () => {
  it('counts organisations by directory id, else by the normalised name written on the list', () => {
    const counts = attendanceCounts([
      { role: 'ngo', organization_id: 1, organization_name: null, directory_name: 'Stowarzyszenie „Krokus”' },
      { role: 'ngo', organization_id: 1, organization_name: null, directory_name: 'Stowarzyszenie „Krokus”' },
      { role: 'ngo', organization_id: null, organization_name: 'stowarzyszenie krokus' },
      { role: 'ngo', organization_id: null, organization_name: 'Koło Gospodyń  Wiejskich' },
      { role: 'ngo', organization_id: null, organization_name: 'KOŁO GOSPODYŃ WIEJSKICH' },
      { role: 'ngo', organization_id: null, organization_name: null },
      { role: 'official', organization_id: null, organization_name: 'Urząd Miasta' },
      { role: 'guest', organization_id: null, organization_name: 'Fundacja X' },
    ]);
    assert.deepEqual(counts, { persons: 8, ngoRepresentatives: 6, organizations: 2, officials: 1, guests: 1 });
  });

  it('folds case, Polish letters and punctuation', () => {
    assert.equal(foldName('  „Łódzkie” Stowarzyszenie—Ę '), 'lodzkie stowarzyszenie e');
  });
});
