/** The part of jsonld (9.x ships no types; @types/jsonld describes 1.x) the credential tests use. */
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface Options {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    safe?: boolean;
  }
  const jsonld: {
    expand(input: unknown, options?: Options): Promise<unknown[]>;
  };
  export default jsonld;
}
