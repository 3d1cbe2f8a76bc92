/**
 * A path as a shell word, to copy into a command: quoted when it holds anything but plain characters, and led by
 * « ./ » when it starts with a dash, which quotes do not keep the command from taking for an option.
 */
export function shellWord(path: string): string {
  const word = path.startsWith('-') ? `./${path}` : path;
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `"${word.replace(/["\\$`]/g, '\\$&')}"`;
}
