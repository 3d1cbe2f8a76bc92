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

/** The streams whose reader has gone (`… | head` closed its end): nothing more is written to them. */
const gone = new Set<NodeJS.WriteStream>();

/**
 * An output whose reader has gone is not a failure of the command (the workbook it wrote is there): it stops
 * writing there, as a command killed by SIGPIPE would, rather than end on Node's stack trace. Any other error of
 * the stream is thrown as before. Listened to once per stream.
 */
function watchForClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listeners('error').includes(onStreamError)) return;
  stream.on('error', onStreamError);
}

function onStreamError(this: NodeJS.WriteStream, error: NodeJS.ErrnoException): void {
  // Windows says EOF where POSIX says EPIPE.
  if (error.code !== 'EPIPE' && error.code !== 'EOF') throw error;
  gone.add(this);
}

function write(stream: NodeJS.WriteStream, text: string): void {
  if (!gone.has(stream)) stream.write(line(text));
}

export function processConsole(): Console {
  watchForClosedPipe(process.stdout);
  watchForClosedPipe(process.stderr);
  return {
    out: (text) => write(process.stdout, text),
    err: (text) => write(process.stderr, text),
    progress: (text) => {
      if (process.stderr.isTTY) process.stderr.write(line(text));
    },
  };
}
