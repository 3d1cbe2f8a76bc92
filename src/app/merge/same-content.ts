/**
 * The returned files that are byte for byte an earlier one of the merge (« retour (1).xlsx » saved beside
 * « retour.xlsx » from the same e-mail): compared on the files as given, before any conversion, since identical bytes
 * are surely the same content, whereas a conversion by LibreOffice need not give the same bytes twice. Each copy is
 * merged once (`merge-same-file`), so that nothing of it is taken or refused twice, under the copies' shortest name
 * (« retour.xlsx », not « retour (1).xlsx »), alphabetically first among equals: the name the report and the
 * Contributions give it does not depend on the order the files were given in.
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

function nameFirst(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** For each file, the name of the file of its copies it is merged under, or null (its bytes unknown, or merged itself). */
export function copiesOf(files: readonly GivenFile[]): (string | null)[] {
  return files.map(({ file, bytes }) => {
    if (bytes === undefined) return null;
    const named = files
      .filter((other) => other.bytes && sameBytes(other.bytes, bytes))
      .map((other) => other.file)
      .sort(nameFirst)[0];
    return named === file ? null : named;
  });
}
