/** Names a run leaves only while it runs, found under the output folder `out`. */
export function strays(out: string): string[];
