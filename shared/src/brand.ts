/** Nominal typing for primitives: a `Brand<string, "IsoDate">` is a string that has been validated as one. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };
