/** Qualitative entity–claim pairs: a sentence whose grammatical subject is a known entity. */
import type { EntityMention } from './entities.js';

/** "Anthropic is experiencing strong revenue growth": subject first, then a verb. */
export function qualitative(s: string, mentions: EntityMention[]): { subject: EntityMention; predicate: string } | null {
  const first = mentions[0];
  // Pronouns are too often expletive ("It is evident that…") to carry a qualitative claim; a
  // definite description ("The firm") or a name is not.
  if (!first || (first.via === 'coreference' && !/^the\s/i.test(first.text))) return null;
  const lead = s.slice(0, first.start);
  if (!/^(?:[\p{L}\s,'-]{0,40},\s*)?$/u.test(lead)) return null;
  const rest = s.slice(first.end);
  const verb = /^(?:'s)?\s+(?:(?:also|now|still|already|has|have|had|is|are|was|were|will|would|could|may|might|can)\s+)*(?:is|are|was|were|has|have|had|will|would|could|can|may|might|[a-z]+(?:s|ed))\b/u.exec(rest);
  if (!verb || !/[.!]$/.test(s.trim())) return null;
  return { subject: first, predicate: rest.trim().replace(/[.!]+$/, '') };
}

