/** js-quantities ships no types; these are the few calls src/util/units.ts makes. */
declare module 'js-quantities' {
  interface Quantity {
    readonly scalar: number;
    toBase(): Quantity;
    units(): string;
    kind(): string | undefined;
  }
  function Qty(scalar: number, units: string): Quantity;
  function Qty(units: string): Quantity;
  export default Qty;
}
