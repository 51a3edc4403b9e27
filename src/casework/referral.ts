/**
 * A referral, with the field names and statuses of Primero's referral and services model so
 * that an export maps one to one (shared/reference/tech-notes.md, Primero API v2).
 */
export const REFERRAL_STATUSES = ['in_progress', 'accepted', 'rejected', 'done', 'revoked'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const SERVICE_IMPLEMENTED = ['implemented', 'not_implemented'] as const;
export type ServiceImplemented = (typeof SERVICE_IMPLEMENTED)[number];
export type ConsentSource = 'conversation' | 'staff';

export interface Referral {
  id: string;
  ticket_id: string;
  /** Kept only to erase with the conversation; never exported. */
  conversation_id: string | null;
  /** What for: a kind of the directory (legal, shelter…) or a few words. */
  service_type: string;
  /** Who: the directory entry's name or what staff typed. */
  service_implementing_agency: string;
  /** The directory entry, when it came from there. */
  service_id: string | null;
  notes: string;
  consent_for_services: boolean | null;
  disclosure_other_orgs: boolean | null;
  /** How the consent was given: answered in the conversation, or stated by staff. */
  consent_source: ConsentSource | null;
  consent_asked_at: number | null;
  consent_answered_at: number | null;
  status: ReferralStatus;
  service_implemented: ServiceImplemented | null;
  reason_not_successful: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  /** The case in Primero this referral is pushed to, when configured. */
  primero_case_id: string | null;
  primero_referral_id: string | null;
  pushed_at: number | null;
}

/** The CSV columns, in order: Primero's names first. */
export const REFERRAL_CSV_COLUMNS = [
  'id',
  'ticket_id',
  'service_type',
  'service_implementing_agency',
  'service_id',
  'status',
  'consent_for_services',
  'disclosure_other_orgs',
  'consent_source',
  'service_implemented',
  'reason_not_successful',
  'notes',
  'created_by',
  'created_at',
  'updated_at',
  'primero_case_id',
  'primero_referral_id',
  'pushed_at',
] as const satisfies ReadonlyArray<keyof Referral>;
