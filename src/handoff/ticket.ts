import type { EscalationReason, RiskCategory } from '../../flows/faro/types.ts';
import type { Channel, Lang } from '../channels/inbound-message.ts';
import type { TranscriptEntry } from '../store/store.ts';

export type TicketStatus = 'waiting' | 'active' | 'closed';
export const OUTCOMES = [
  'information_given',
  'referred',
  'legal_case_opened',
  'no_answer',
  'cancelled_by_user',
  'erased',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type AgeGroup = 'under12' | '12to17' | 'minor' | 'adult';

export interface TicketNote {
  at: number;
  author: string;
  text: string;
}

/** What staff work on. `conversationId` is the address HMAC; null once the user erased. */
export interface Ticket {
  id: string;
  conversationId: string | null;
  channel: Channel;
  lang: Lang;
  city: string | null;
  ageGroup: AgeGroup | null;
  alone: boolean | null;
  /** Every escalation cause, first one first. */
  reasons: EscalationReason[];
  risk: RiskCategory | null;
  priority: number;
  status: TicketStatus;
  assignee: string | null;
  labels: string[];
  notes: TicketNote[];
  topicsSeen: string[];
  outcome: Outcome | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  lastUserMessageAt: number | null;
  /** Closed tickets keep their own copy: the conversation may expire or restart. */
  transcript: TranscriptEntry[] | null;
  /** After an emergency answer the person said they were not in danger (the ticket stays). */
  dangerDenied?: boolean;
}

export const PRIORITY = { safety: 100, childAlone: 50, other: 10 } as const;

/**
 * Safety first, then a child travelling alone, then everyone else. An unknown age counts as a
 * child (as the engine's shorter retention does): a person who said they are alone and did
 * not say they are an adult is treated as the more vulnerable case.
 */
export function priorityOf(t: Pick<Ticket, 'reasons' | 'alone' | 'ageGroup' | 'dangerDenied'>): number {
  if (t.reasons.includes('safety') && !t.dangerDenied) return PRIORITY.safety;
  if (t.alone === true && t.ageGroup !== 'adult') return PRIORITY.childAlone;
  return PRIORITY.other;
}

/** Queue order: priority descending, then the longest wait first. */
export function compareQueue(a: Ticket, b: Ticket): number {
  return b.priority - a.priority || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

export const isOpen = (t: Ticket) => t.status !== 'closed';
