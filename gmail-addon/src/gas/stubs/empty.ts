/**
 * Stands in for library modules the add-on never uses and Apps Script cannot load (astronomia's perihelion reads
 * `setTimeout` when it is evaluated, and Apps Script has none): see webpack.part.ts.
 */
const unavailable: Record<string, never> = {};
export default unavailable;
