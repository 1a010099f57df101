/** LockService.getUserLock() around dispatch and cancel: one execution at a time touches a user's jobs. */
export type Locked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export function withUserLock<T>(waitMs: number, body: () => T): Locked<T> {
  const lock = LockService.getUserLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: body() };
  } finally {
    lock.releaseLock();
  }
}
