/**
 * Country names and their aliases from the `world-countries` data package (common and official
 * names, alternative spellings such as "UK" and "USA"), so that "United Kingdom", "UK" and
 * "U.K." are one subject id. Demonyms ("British") are not names of the place: "British Jews" is
 * a group, not the country. Aliases no package knows ("Britain") live in rules/claims/grammar.yml.
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { slug } from './entities.js';

// The package's typings describe an ES default export its CommonJS entry does not have: read the
// data file it ships instead.
const countries = createRequire(import.meta.url)('world-countries/countries.json') as Country[];

/** Lower-case name → canonical id (slug of the common English name) and name. */
export function countryNames(): Map<string, { id: string; name: string }> {
  const out = new Map<string, { id: string; name: string }>();
  for (const c of countries) {
    const canonical = { id: slug(c.name.common), name: c.name.common };
    // Two-letter codes are too often words ("IN", "IT", "AS"): only longer spellings and the
    // well-known two-letter ones written with capitals in running text are taken.
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 2 || a === 'UK' || a === 'US')];
    for (const n of names) if (!out.has(n.toLowerCase())) out.set(n.toLowerCase(), canonical);
  }
  return out;
}

/** "British", "American", "Dutch": the English demonyms of every country. */
export function demonyms(): Set<string> {
  const out = new Set<string>();
  for (const c of countries) for (const d of Object.values(c.demonyms?.eng ?? {})) if (d) out.add(d);
  return out;
}

/** "Chinese" → China, "American" → United States: the country a demonym stands for when it owns a
 * measure ("Chinese exports"). A demonym of more than one member state of the UN ("Congolese",
 * "Dominican") stands for none; of one member and territories ("French"), for the member. */
export function demonymCountries(): Map<string, { id: string; name: string }> {
  const by = new Map<string, Country[]>();
  for (const c of countries) for (const d of new Set(Object.values(c.demonyms?.eng ?? {}))) if (d) by.set(d, [...(by.get(d) ?? []), c]);
  const out = new Map<string, { id: string; name: string }>();
  for (const [d, cs] of by) {
    const members = cs.length === 1 ? cs : cs.filter((c) => c.unMember);
    if (members.length === 1) out.set(d, { id: slug(members[0].name.common), name: members[0].name.common });
  }
  return out;
}

/** The last country `text` names ("Portugal", "the United Kingdom", "UK"), by its canonical id,
 * from runs of up to three capitalized words looked up in `places`. */
export function lastPlaceIn(text: string, places: Map<string, { id: string; name: string }>): { id: string; name: string; text: string } | null {
  let found: { id: string; name: string; text: string } | null = null;
  for (const m of text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,2}/gu)) {
    const words = m[0].replace(/['’]s$/, '').split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const name = words.slice(0, n).join(' ');
      const place = places.get(name.toLowerCase());
      if (place) { found = { ...place, text: name }; break; }
    }
  }
  return found;
}
