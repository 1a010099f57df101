/** Generates build-time assets (fonts for the PDF text step) into *.generated.ts files; idempotent and quick. */
console.log("assets: nothing to generate yet");
