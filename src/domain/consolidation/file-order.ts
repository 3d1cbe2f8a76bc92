/**
 * Where a file of a consolidation came from, so that a tie between two copies of a territory, which the file read
 * first keeps, says which order that was: given by name (the command line's arguments, in their order), found under
 * a folder given (in the order of the names, sub-folders included), or picked in the task pane (the list picked).
 * None of these orders says which copy is up to date, and the reason says so.
 */
export type FileOrigin = { kind: 'given' } | { kind: 'folder'; folder: string } | { kind: 'picked' };

/** A file's origin, undefined when the caller did not tell. */
export type FileOrigins = (file: string) => FileOrigin | undefined;

const quoted = (name: string) => `«\u00a0${name}\u00a0»`;

/** The order that put `kept` before `dropped`, in words the user can check against the files. */
function orderOf(kept: FileOrigin | undefined, dropped: FileOrigin | undefined): string {
  if (kept?.kind === 'folder' && dropped?.kind === 'folder' && kept.folder === dropped.folder)
    return `dans l’ordre des noms du dossier ${quoted(kept.folder)}`;
  if (kept?.kind === 'given' && dropped?.kind === 'given') return 'dans l’ordre des fichiers donnés à la commande';
  if (kept?.kind === 'picked' && dropped?.kind === 'picked') return 'dans la liste des fichiers choisis';
  if (kept && dropped)
    return (
      'dans l’ordre de lecture (les fichiers et dossiers dans l’ordre donné, ceux d’un dossier dans l’ordre de ' +
      'leurs noms)'
    );
  return 'dans la liste des fichiers';
}

/** Why `kept` was kept on a tie: it came first, in an order that is said. */
export function orderReason(kept: string, dropped: string, originOf: FileOrigins): string {
  return `${quoted(kept)} est gardé parce qu’il vient avant ${quoted(dropped)} ${orderOf(originOf(kept), originOf(dropped))}.`;
}
