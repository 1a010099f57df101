/** The one place Office.js callbacks become Promises; a failure is an OfficeError carrying Office's error code. */

/** An Office.js failure: `code` is Office's error name ("AttachmentSizeExceeded"…) or one of ours ("PdfTooLarge"). */
export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly operation: string,
    /** Office's numeric code when Office gave one (9xxx). */
    readonly officeNumber?: number,
  ) {
    super(`${operation}: ${code}: ${message}`);
    this.name = "OfficeError";
  }
}

/**
 * Runs an *Async call and settles with its value, or rejects with an OfficeError.
 * @example const id = await officeCall("addFileAttachmentFromBase64Async", (done) => item.addFileAttachmentFromBase64Async(b64, name, done));
 */
export function officeCall<T>(
  operation: string,
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        // Compared by value, so the adapters also run where the global `Office` (and its enums) is a test double.
        if (String(result.status) === "succeeded") resolve(result.value);
        else {
          const error = result.error as Office.Error | undefined;
          reject(
            new OfficeError(
              error?.name ?? "UnknownError",
              error?.message ?? "Office reported a failure without details",
              operation,
              error?.code,
            ),
          );
        }
      });
    } catch (thrown) {
      reject(new OfficeError("ApiUnavailable", (thrown as Error).message, operation));
    }
  });
}

/** officeCall for the *Async calls that give no value (setAsync, removeAttachmentAsync, saveAsync). */
export async function officeDone(
  operation: string,
  start: (callback: (result: Office.AsyncResult<void>) => void) => void,
): Promise<void> {
  await officeCall(operation, start);
}
