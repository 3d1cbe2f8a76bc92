/**
 * The returned files that are byte for byte an earlier one of the merge (« retour (1).xlsx » saved beside
 * « retour.xlsx » from the same e-mail): compared on the files as given, before any conversion, since identical bytes
 * are surely the same content, whereas a conversion by LibreOffice need not give the same bytes twice. Each copy is
 * merged once, under the first name given (`merge-same-file`), so that nothing of it is taken or refused twice.
 */

interface GivenFile {
  file: string;
  bytes?: Uint8Array;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let at = 0; at < a.length; at += 1) if (a[at] !== b[at]) return false;
  return true;
}

/** For each file, the name of the earlier file it is a copy of, or null (its bytes unknown, or its own). */
export function copiesOf(files: readonly GivenFile[]): (string | null)[] {
  return files.map(({ bytes }, index) => {
    if (bytes === undefined) return null;
    const first = files.slice(0, index).find((earlier) => earlier.bytes && sameBytes(earlier.bytes, bytes));
    return first?.file ?? null;
  });
}
