import { trackingModule } from '../../tracking-build';

/** The sheets a person added (and those this version does not rebuild): copied in as found, read by no one. */
export const copiedSheetsModule = trackingModule({
  id: 'copied',
  owns: () => false,
  build: ({ contents }) => [...(contents.extraSheets ?? [])],
  carried: 'never',
});
