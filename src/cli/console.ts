/** Where the command line writes: results to stdout, diagnostics to stderr, progress only on a terminal. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  progress(text: string): void;
}

/** C0 and C1 control characters but the line feed and the tab (a carriage return would rewrite a line too). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Texts of a territory's file (its name, its cells) are printed: a control character there (Excel writes one as
 * `_x001B_`) would drive the terminal — clear the screen, rewrite the summary. Each is shown as its `\uXXXX`
 * escape instead, which also keeps a JSON document the same (a raw C1 character is only ever inside its strings).
 */
function shown(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const line = (text: string) => shown(text.endsWith('\n') ? text : `${text}\n`);

export function processConsole(): Console {
  return {
    out: (text) => void process.stdout.write(line(text)),
    err: (text) => void process.stderr.write(line(text)),
    progress: (text) => {
      if (process.stderr.isTTY) process.stderr.write(line(text));
    },
  };
}
