/**
 * A full disk on demand, for tests where no small file system can be mounted: with
 * CLAIMS_FAULT_INJECT=enospc-after:<bytes>, writes of the output set fail with ENOSPC, as the
 * kernel's would, once that many bytes were written. Unset (always, outside tests), it is one
 * comparison per megabyte written.
 */
const injected = /^enospc-after:(\d+)$/.exec(process.env.CLAIMS_FAULT_INJECT ?? '');
let budget = injected ? Number(injected[1]) : Infinity;

/** Runs `write` (of `bytes` bytes to `file`), or fails it as a full disk would. */
export async function checkedWrite<T>(file: string, bytes: number, write: () => Promise<T>): Promise<T> {
  budget -= bytes;
  if (budget < 0) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC', syscall: 'write', path: file, errno: -28 });
  return write();
}

/** A write failed because the file system is full (or the user's quota is). */
export function isDiskFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** What a run that ran out of space says, in one line: the folder, and that its outputs are whole. */
export function diskFullMessage(out: string): string {
  return `no space left on device while writing ${out}; its outputs are those of the last finished run, whole (free some space and run again)`;
}
