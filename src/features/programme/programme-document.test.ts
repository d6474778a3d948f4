import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translatorFor } from '../../platform/i18n/i18n.js';
import { emptySections } from './programme-sections.js';
import {
  legalBasisSentence,
  resolutionBlocks,
  resolutionParagraphs,
  resolutionTitle,
  titleInGenitive,
  type ResolutionModel,
} from './programme-document.js';

const model = (over: Partial<ResolutionModel> = {}): ResolutionModel => ({
  programmeId: 1,
  title: 'Roczny program współpracy Miasta Leszna z organizacjami pozarządowymi na rok 2019',
  council: 'Rady Miejskiej Leszna',
  office: 'Urząd Miasta Leszna',
  versionNumber: 1,
  status: 'draft',
  resolutionNumber: null,
  resolutionDate: null,
  sections: emptySections(),
  sphereLabels: {},
  ...over,
});

describe('the resolution with the programme as its annex', () => {
  it('titles the resolution, with blanks (…/…/…) until it is adopted', () => {
    assert.equal(
      resolutionTitle(model()),
      'Uchwała nr …/…/… Rady Miejskiej Leszna z dnia … w sprawie przyjęcia Rocznego programu współpracy Miasta Leszna z organizacjami pozarządowymi na rok 2019',
    );
    assert.match(
      resolutionTitle(model({ resolutionNumber: 'XLII/512/2018', resolutionDate: '2018-10-25' })),
      /^Uchwała nr XLII\/512\/2018 Rady Miejskiej Leszna z dnia 25 października 2018 r\. w sprawie/,
    );
    assert.equal(
      titleInGenitive('Wieloletni program współpracy na lata 2020–2022'),
      'Wieloletniego programu współpracy na lata 2020–2022',
    );
    assert.equal(
      titleInGenitive('Roczny Program Współpracy Miasta Leszna na rok 2019'),
      'Rocznego Programu Współpracy Miasta Leszna na rok 2019',
    );
    assert.equal(titleInGenitive('Program współpracy 2030'), 'Programu współpracy 2030');
    assert.equal(titleInGenitive('Programowanie 2030'), 'programu „Programowanie 2030”');
    assert.equal(titleInGenitive('Współpraca 2030'), 'programu „Współpraca 2030”');
  });

  it('opens with the legal basis once, whatever the official typed', () => {
    const expected = 'Na podstawie art. 5a ust. 1 ustawy uchwala się, co następuje:';
    assert.equal(legalBasisSentence('art. 5a ust. 1 ustawy'), expected);
    assert.equal(legalBasisSentence('Na podstawie art. 5a ust. 1 ustawy.'), expected);
    assert.equal(
      legalBasisSentence('Na podstawie art. 5a ustawy Rada Miejska Leszna uchwala, co następuje:'),
      'Na podstawie art. 5a ustawy Rada Miejska Leszna uchwala, co następuje:',
    );
    assert.equal(legalBasisSentence(''), 'Na podstawie … uchwala się, co następuje:');
  });

  it('numbers the paragraphs with entry into force last, and marks a draft PROJEKT; eleven chapters in order', () => {
    const s = emptySections();
    s.resolution.paragraphs = [{ text: 'Przyjmuje się program.' }, { text: 'Wykonanie powierza się Prezydentowi.' }];
    s.resolution.entryIntoForce = 'Uchwała wchodzi w życie po 14 dniach.';
    assert.deepEqual(
      resolutionParagraphs(s).map((p) => `${p.label} ${p.text}`),
      ['§ 1. Przyjmuje się program.', '§ 2. Wykonanie powierza się Prezydentowi.', '§ 3. Uchwała wchodzi w życie po 14 dniach.'],
    );
    const blocks = resolutionBlocks(model({ sections: s }), translatorFor('pl'));
    const first = blocks[0];
    assert.ok(first && first.kind === 'heading' && first.text.startsWith('PROJEKT — Uchwała nr …/…/…'));
    const chapters = blocks.filter((b) => b.kind === 'heading' && b.level === 3).map((b) => (b.kind === 'heading' ? b.text : ''));
    assert.equal(chapters.length, 11);
    assert.equal(chapters[0], 'Rozdział 1. Cel główny i cele szczegółowe programu');
    assert.equal(chapters[10], 'Rozdział 11. Tryb powoływania i zasady działania komisji konkursowych');
    const adopted = resolutionBlocks(
      model({ status: 'adopted', resolutionNumber: '1/2019', resolutionDate: '2019-01-02' }),
      translatorFor('pl'),
    );
    assert.ok(adopted[0]?.kind === 'heading' && !adopted[0].text.includes('PROJEKT'));
  });
});
