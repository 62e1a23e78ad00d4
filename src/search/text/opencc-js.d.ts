// opencc-js ships types only for its root entry, and this project's
// `moduleResolution: node` ignores package "exports"; the t2cn entry (only
// the Traditional→Simplified dictionaries, much smaller than the full build)
// is declared here.
declare module 'opencc-js/t2cn' {
  export type ConverterFunction = (text: string) => string;
  export function Converter(options: { from: string; to: string }): ConverterFunction;
}
