/**
 * Where a merge is given the same returned file again: the place of its second mention among `files` (the command
 * line's paths resolved, the pane's file names), or null when each is given once. Merged against itself, a file's
 * values would be listed twice and held as conflicts with themselves, so both front ends refuse it before merging.
 */
export function givenTwiceAt(files: readonly string[]): number | null {
  const seen = new Set<string>();
  for (const [index, file] of files.entries()) {
    if (seen.has(file)) return index;
    seen.add(file);
  }
  return null;
}
