/**
 * Units of measure from the js-quantities package: a unit name the rules give (`qty: "mi"` in
 * rules/quantities/units.yml) as its dimension and its factor to the dimension's base unit, so
 * "22 miles" and "35 km" compare as 35,405.568 m and 35,000 m. Asked once per name when the rules
 * are loaded and when reconciliation first needs the table, never per figure.
 */
import { createRequire } from 'node:module';
import type QtyType from 'js-quantities';

/** Loaded on the first look-up, not on import: pool threads, which never look a unit up, never
 * load it (imported, it added some 5 MB to each thread's memory in the worker bundle). */
let Qty: typeof QtyType;

export interface UnitScale {
  /** The package's kind of the unit ("length", "mass", "energy"), or, for a compound it gives no
   * kind, its base units ("m/m3" for miles per gallon). Measures of one dimension compare. */
  dimension: string;
  /** Base units in one of this unit: 1609.344 for "mi" (base "m"). */
  factor: number;
  /** The dimension's base unit as the package writes it ("m", "kg", "" for ppm). */
  base: string;
}

const known = new Map<string, UnitScale | string>();

/** The dimension and factor of a js-quantities unit name, or why it cannot be used (a string). */
export function unitScale(qty: string): UnitScale | string {
  let scale = known.get(qty);
  if (scale === undefined) known.set(qty, (scale = lookUp(qty)));
  return scale;
}

function lookUp(qty: string): UnitScale | string {
  Qty ??= createRequire(import.meta.url)('js-quantities') as typeof QtyType;
  let one, zero;
  try {
    one = Qty(1, qty).toBase();
    zero = Qty(0, qty).toBase();
  } catch {
    return `js-quantities does not know the unit "${qty}"`;
  }
  // A temperature scale has an offset: no factor turns "20 °C" into kelvins.
  if (zero.scalar !== 0) return `"${qty}" is a scale with an offset, not a unit with a factor`;
  const base = one.units();
  return { dimension: Qty(qty).kind() ?? base, factor: one.scalar, base };
}
