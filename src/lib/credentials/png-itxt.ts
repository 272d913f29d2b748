/**
 * The text of the Open Badges `openbadgecredential` iTXt chunk of a PNG (OB 3.0 baking), read
 * without node: modules so the verification page can open a badge a visitor was given. Checksums
 * are not checked here: the credential's own signature is what proves it intact.
 */
export const BAKED_KEYWORD = 'openbadgecredential';

/** The credential text of an iTXt chunk's data, or undefined when the chunk is not the baked credential. */
export function bakedCredentialText(data: Uint8Array): string | undefined {
  const nul = data.indexOf(0);
  if (nul === -1 || new TextDecoder('latin1').decode(data.subarray(0, nul)) !== BAKED_KEYWORD) return undefined;
  const rest = data.subarray(nul + 1);
  if (rest[0] !== 0) throw new Error('the baked credential is compressed; Open Badges 3.0 requires it uncompressed');
  let at = rest.indexOf(0, 2) + 1; // language tag
  at = rest.indexOf(0, at) + 1; // translated keyword
  return new TextDecoder().decode(rest.subarray(at));
}

/** The credential baked into a PNG file, or undefined when it carries none. */
export function findBakedCredential(png: Uint8Array): string | undefined {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.length < 8 || png[0] !== 0x89 || png[1] !== 0x50) throw new Error('this file is not a PNG image');
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = new TextDecoder('latin1').decode(png.subarray(at + 4, at + 8));
    if (type === 'iTXt') {
      const text = bakedCredentialText(png.subarray(at + 8, at + 8 + length));
      if (text !== undefined) return text;
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return undefined;
}
