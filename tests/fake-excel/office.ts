import { FakeEnvironment, compareVersions } from './context';

/** The part of the `Office` global an add-in uses at start-up. */
export function createFakeOffice(env: FakeEnvironment) {
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  return {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: 'fr-FR',
      contentLanguage: 'fr-FR',
      diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0' },
      requirements: {
        /** ExcelApi up to the configured version; ExcelUndoApiAll 1.0 when configured; other sets unsupported. */
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name === 'ExcelUndoApiAll')
            return env.undoApi && (minVersion === undefined || String(minVersion) === '1.0');
          if (name !== 'ExcelApi') return false;
          return minVersion === undefined || compareVersions(env.apiVersion, String(minVersion)) >= 0;
        },
      },
      document: {
        url: 'https://fake.invalid/Classeur1.xlsx',
        mode: 'ReadWrite',
        settings: createSettings(),
      },
    },
  };
}

function createSettings() {
  const values = new Map<string, unknown>();
  return {
    get: (name: string): unknown => values.get(name) ?? null,
    set: (name: string, value: unknown): void => void values.set(name, value),
    remove: (name: string): void => void values.delete(name),
    saveAsync: (callback?: (result: { status: string }) => void): void => callback?.({ status: 'succeeded' }),
  };
}

export type FakeOffice = ReturnType<typeof createFakeOffice>;
