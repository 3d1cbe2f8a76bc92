import { FakeEnvironment, compareVersions } from './context';

/** Office.PlatformType's values the fake can claim. */
export type FakePlatform = 'OfficeOnline' | 'PC' | 'Mac' | 'iOS';

/** The part of the `Office` global an add-in uses at start-up. */
export function createFakeOffice(env: FakeEnvironment, platform: FakePlatform = 'OfficeOnline') {
  const info = { host: 'Excel', platform };
  return {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS' },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: 'Excel',
      platform,
      displayLanguage: 'fr-FR',
      contentLanguage: 'fr-FR',
      diagnostics: { host: 'Excel', platform, version: '16.0' },
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
