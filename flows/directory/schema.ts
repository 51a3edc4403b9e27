import { z } from 'zod';
import { CITIES } from '../understand/types.ts';

/** The one non-URL source allowed: facts that only the 2021/22 field report gives. */
export const SEED_SOURCE = 'SEED: KIND/Fray Matías/La 72, Blocked from Protection, 2021';

export const SERVICE_KINDS = [
  'shelter',
  'legal',
  'health',
  'government',
  'emergency',
  /** The Procuraduría de Protección de Niñas, Niños y Adolescentes and DIF: a child's protectors. */
  'child_protection',
  /** Free calls to family (Red Cross / ICRC Restoring Family Links). */
  'family_contact',
] as const;
export const OFFERS = [
  'legal_aid',
  'asylum_help',
  'shelter',
  'medical',
  'mental_health',
  'psychosocial',
  'sexual_violence_care',
  'emergency',
  'report_crime',
  'trafficking_help',
  'complaints',
  'child_protection',
  'family_calls',
] as const;
export const AUDIENCES = ['children_alone', 'families', 'women', 'lgbtq', 'everyone'] as const;
/** An entry for a whole state (the Procuraduría of Chiapas) is shown in every city of that state. */
export const STATES = ['chiapas', 'tabasco'] as const;

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:\/\//.test(text);
}

const Source = z
  .string()
  .refine((text) => text === SEED_SOURCE || isHttpUrl(text), `must be an http(s) URL or "${SEED_SOURCE}"`);

const IsoDate = z.iso.date();
const CityId = z.enum(CITIES);

/** Numbers as dialled inside Mexico: 3-digit emergency codes, or 10 digits since the 01 prefix went. */
const PhoneNumber = z
  .string()
  .regex(/^\d+( \d+)*$/, 'digits and single spaces only, as dialled in Mexico')
  .refine((number) => [3, 10].includes(number.replaceAll(' ', '').length), 'must have 3 or 10 digits');

const Phone = z.strictObject({
  number: PhoneNumber,
  source: Source,
  checked: IsoDate,
});

/**
 * Where a place is, in decimal degrees, with the page that gives it and the day it was read.
 * Only what a source states: a service with no source for its position has none (it is then
 * counted from its city's centre, and the user is told so).
 */
export const LocationSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  source: Source,
  checked: IsoDate,
  /** What the point is (a city's centre as the source gives it, an office's door). */
  note: z.string().optional(),
});

export const ServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  name: z.string().min(1),
  city: z.enum([...CITIES, ...STATES, 'national']),
  kind: z.enum(SERVICE_KINDS),
  phones: z.array(Phone),
  address: z.string().min(1).nullable(),
  hours: z.string().min(1).nullable(),
  /** ISO 639 codes of languages the service is known to work in; empty when no source says. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 code')),
  offers: z.array(z.enum(OFFERS)),
  /** Empty when no source says whom the service is for. */
  serves: z.array(z.enum(AUDIENCES)),
  source: Source,
  /** Every other page this entry rests on (address, hours, who it serves, that it still works). */
  otherSources: z.array(Source).default([]),
  /** The source's own date, as precise as it is known: "2021", "2025-06", "2025-06-04". */
  sourceDate: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable(),
  /** When this entry was last checked against its sources; the review policy counts from here. */
  checked: IsoDate,
  verified: z.boolean(),
  /**
   * false keeps the entry for staff only: never offered to a user (a closed office, a presence
   * nobody can confirm). `notes` must say why.
   */
  listed: z.boolean().default(true),
  /** For staff, in English; never shown to users. */
  notes: z.string(),
  /** Its own position, only where a source gives it (see LocationSchema). */
  location: LocationSchema.optional(),
});

const CitySchema = z.strictObject({
  /** As the user reads it after an entry from a nearby city: "Albergue Belén (Tapachula)". */
  name: z.string().min(1),
  state: z.enum(STATES),
  /**
   * Cities close enough to offer when this one has nothing, nearest first. Only what a person
   * can reach the same day; leave it empty rather than send someone across the state.
   */
  nearby: z.array(CityId),
  /** The city's centre: a WhatsApp location pin finds the nearest city by it. */
  location: LocationSchema.optional(),
});

export const DirectorySchema = z
  .strictObject({
    cities: z.record(CityId, CitySchema),
    services: z.array(ServiceSchema),
  })
  .superRefine(({ cities, services }, context) => {
    for (const [city, { nearby }] of Object.entries(cities)) {
      nearby.forEach((other, index) => {
        if (other === city) {
          context.addIssue({
            code: 'custom',
            path: ['cities', city, 'nearby', index],
            message: 'a city is not near itself',
          });
        }
      });
    }
    const seen = new Set<string>();
    services.forEach((service, index) => {
      if (seen.has(service.id)) {
        context.addIssue({
          code: 'custom',
          path: ['services', index, 'id'],
          message: `duplicate id "${service.id}"`,
        });
      }
      seen.add(service.id);
      // "Verified" means a public source states it plainly; the seed report alone never does.
      const restsOnSeed =
        service.source === SEED_SOURCE || service.phones.some((phone) => phone.source === SEED_SOURCE);
      if (service.verified && restsOnSeed) {
        context.addIssue({
          code: 'custom',
          path: ['services', index, 'verified'],
          message: 'an entry resting on the seed report cannot be verified',
        });
      }
      if (!service.listed && service.notes.trim() === '') {
        context.addIssue({
          code: 'custom',
          path: ['services', index, 'notes'],
          message: 'an entry kept from users must say why in its notes',
        });
      }
    });
  });

export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type Offer = (typeof OFFERS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type State = (typeof STATES)[number];
export type Service = z.infer<typeof ServiceSchema>;
export type Phone = Service['phones'][number];
export type CityInfo = z.infer<typeof CitySchema>;
export type Location = z.infer<typeof LocationSchema>;
export type Directory = z.infer<typeof DirectorySchema>;
