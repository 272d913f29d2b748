/** png-chunks-extract ships no types; the one function the badge tests use. */
declare module 'png-chunks-extract' {
  export default function extractChunks(data: Uint8Array): { name: string; data: Uint8Array }[];
}
