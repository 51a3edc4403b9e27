import { describe, expect, it } from 'vitest';
import { FACTS } from '../../../flows/content/facts.ts';
import type { Fact } from '../../../flows/content/types.ts';
import { formatReview } from '../../../flows/directory/format-review.ts';
import { loadDirectory } from '../../../flows/directory/load-directory.ts';
import {
  addMonths,
  isPastDue,
  reviewClassOfFact,
  reviewItems,
  serviceDueDate,
} from '../../../flows/directory/review-policy.ts';
import type { Service } from '../../../flows/directory/schema.ts';

const shipped = loadDirectory('flows/directory/services.json');

const fact = (id: string, summary: string, checked = '2026-01-15'): Fact => ({
  id,
  summary,
  source: `https://example.org/${id}`,
  checked,
  certainty: 'sourced',
});

const entry = (fields: Partial<Service> & Pick<Service, 'id'>): Service => ({
  name: fields.id,
  city: 'tapachula',
  kind: 'shelter',
  phones: [],
  address: null,
  hours: null,
  languages: [],
  offers: [],
  serves: [],
  source: `https://example.org/${fields.id}`,
  otherSources: [],
  sourceDate: null,
  checked: '2026-01-15',
  verified: true,
  listed: true,
  notes: '',
  ...fields,
});

describe('the review policy', () => {
  it.each([
    ['2026-01-15', 6, '2026-07-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-11-26', 12, '2027-11-26'],
  ])('counts %s plus %i months as %s', (from, months, due) => {
    expect(addMonths(from, months)).toBe(due);
  });

  it('reviews offices, hours and phone numbers every 6 months and law every 12', () => {
    expect(reviewClassOfFact(fact('safety.911', '911: emergencies, free, 24/7.'))).toBe('contact');
    expect(reviewClassOfFact(fact('asylum.offices', 'COMAR has offices in Tapachula.'))).toBe('contact');
    expect(reviewClassOfFact(fact('x.new_line', 'A new line, 800 123 4567, answers at night.'))).toBe(
      'contact',
    );
    expect(reviewClassOfFact(fact('x.new_hours', 'Seen from 08:00 on weekdays.'))).toBe('contact');
    expect(
      reviewClassOfFact(fact('asylum.deadline', 'Deadline: 30 working days from entry (art. 18).')),
    ).toBe('law');
  });

  it('treats every shipped fact that names a number, a time or an office as a contact fact', () => {
    for (const f of FACTS) {
      if (/\b\d{3} \d{3,4} \d{3,4}\b|\d{1,2}:\d{2}|\boffices?\b/.test(f.summary)) {
        expect(reviewClassOfFact(f), f.id).toBe('contact');
      }
    }
  });

  it('dates a directory entry from its oldest check, the entry or any of its phones', () => {
    const service = entry({
      id: 'two-dates',
      checked: '2026-03-01',
      phones: [{ number: '962 000 0000', source: 'https://example.org/p', checked: '2026-01-15' }],
    });
    expect(serviceDueDate(service)).toBe('2026-07-15');
    expect(isPastDue(service, '2026-07-15')).toBe(false);
    expect(isPastDue(service, '2026-07-16')).toBe(true);
  });

  it('lists what is past due and what comes due within the window, with its sources, on an injected day', () => {
    const items = reviewItems({
      facts: [
        fact('law.old', 'A law from long ago (art. 1).', '2025-06-01'),
        fact('law.recent', 'A recent law (art. 2).', '2026-06-01'),
        fact('office.soon', 'The office is open 09:00 to 14:00.', '2026-01-20'),
      ],
      services: [entry({ id: 'shelter-late', checked: '2025-12-01' }), entry({ id: 'shelter-fresh' })],
      today: '2026-07-01',
      withinDays: 30,
    });
    const status = Object.fromEntries(items.map((item) => [item.id, item.status]));
    expect(status).toEqual({
      'law.old': 'past_due',
      'law.recent': 'ok',
      'office.soon': 'due',
      'shelter-late': 'past_due',
      'shelter-fresh': 'due',
    });
    expect(items.map((item) => item.due)).toEqual([...items.map((item) => item.due)].sort());
    expect(items.find((item) => item.id === 'shelter-late')?.sources).toEqual([
      'https://example.org/shelter-late',
    ]);

    const text = formatReview({ items, today: '2026-07-01', withinDays: 30 });
    expect(text).toMatch(/^Content review on 2026-07-01/);
    expect(text).toMatch(/Past due \(2\)[^\n]*\n {2}2026-06-01 {2}fact law\.old/);
    expect(text).toMatch(/ {2}2026-06-01 {2}service shelter-late \(contact, checked 2025-12-01\)/);
    expect(text).toMatch(/source: https:\/\/example\.org\/law\.old/);
    expect(text).toMatch(/Due within 30 days \(2\)/);
    expect(text).toMatch(/Next due: 2027-06-01, 1 item\(s\): law\.recent/);
  });

  it('finds nothing past due in the shipped content on the day it was checked', () => {
    const items = reviewItems({ facts: FACTS, services: shipped.services, today: '2026-12-03' });
    expect(items.filter((item) => item.status !== 'ok')).toEqual([]);
    expect(items.filter((item) => item.type === 'service')).toHaveLength(shipped.services.length);
  });

  it('finds the shipped directory past due once six months have gone by', () => {
    const items = reviewItems({ facts: FACTS, services: shipped.services, today: '2027-06-04' });
    const services = items.filter((item) => item.type === 'service');
    expect(services.every((item) => item.status === 'past_due')).toBe(true);
    const laws = items.filter((item) => item.type === 'fact' && item.reviewClass === 'law');
    expect(laws.every((item) => item.status === 'ok')).toBe(true);
  });
});
