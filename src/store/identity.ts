import type { Role } from './schema.js';

/** A candidate as one viewer may see them. */
export interface CandidateView {
  id: string;
  anon_id: string;
  name?: string | null;
  email?: string | null;
  erased: boolean;
}

/**
 * Blind assignments hide identity from reviewers: they get the anonymous id only. Hiring managers
 * and admins see name and email unless the candidate was erased.
 */
export function visibleCandidate(
  candidate: { id: string; anon_id: string; name: string | null; email: string | null; erased_at: string | null },
  blind: boolean,
  viewer: Role,
): CandidateView {
  const erased = candidate.erased_at !== null;
  if (viewer === 'reviewer' && blind) return { id: candidate.id, anon_id: candidate.anon_id, erased };
  return { id: candidate.id, anon_id: candidate.anon_id, name: erased ? null : candidate.name, email: erased ? null : candidate.email, erased };
}
