import { z } from 'zod';
import { CITIES } from '../understand/types.ts';

/** The one non-URL source allowed: facts that only the 2021/22 field report gives. */
export const SEED_SOURCE = 'SEED: KIND/Fray Matías/La 72, Blocked from Protection, 2021';

export const SERVICE_KINDS = ['shelter', 'legal', 'health', 'government', 'emergency'] as const;
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
] as const;
export const AUDIENCES = ['children_alone', 'families', 'women', 'lgbtq', 'everyone'] as const;

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:\/\//.test(text);
}

const Source = z
  .string()
  .refine((text) => text === SEED_SOURCE || isHttpUrl(text), `must be an http(s) URL or "${SEED_SOURCE}"`);

const IsoDate = z.iso.date();

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

export const ServiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  name: z.string().min(1),
  city: z.enum([...CITIES, 'national']),
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
  /** The source's own date, as precise as it is known: "2021", "2025-06", "2025-06-04". */
  sourceDate: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable(),
  /** When this entry was last checked against the reference. */
  checked: IsoDate,
  verified: z.boolean(),
  /** For staff, in English; never shown to users. */
  notes: z.string(),
});

export const DirectorySchema = z
  .strictObject({ services: z.array(ServiceSchema) })
  .superRefine(({ services }, context) => {
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
    });
  });

export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type Offer = (typeof OFFERS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type Service = z.infer<typeof ServiceSchema>;
export type Phone = Service['phones'][number];
export type Directory = z.infer<typeof DirectorySchema>;
