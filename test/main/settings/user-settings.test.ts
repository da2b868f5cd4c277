import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userSettingsFile, userSettingsFolder } from '../../../main/settings/settings-folder';
import { UserSettings } from '../../../main/settings/user-settings';

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gloss-settings-'));
  // A folder not made yet, as on a first start.
  file = userSettingsFile(join(folder, 'Gloss'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('where the settings are kept', () => {
  it('is the folder GLOSS_SETTINGS_DIR names, else the per-user one the desktop app uses', () => {
    expect(userSettingsFolder({ GLOSS_SETTINGS_DIR: '/tmp/mine' }, 'linux', '/home/ana')).toBe('/tmp/mine');
    expect(userSettingsFolder({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Gloss');
    expect(userSettingsFolder({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Gloss');
    expect(userSettingsFolder({}, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Gloss',
    );
    expect(
      userSettingsFolder({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana'),
    ).toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'Gloss'));
  });
});

describe('the user settings', () => {
  it('write nothing until a name is chosen, then keep it with the install id across starts', async () => {
    const first = await UserSettings.open(file);
    expect(first.annotator).toBeUndefined();
    expect(first.hasInstallId).toBe(false);
    await expect(readdir(folder)).resolves.toEqual([]);

    await first.setAnnotator('ana');
    const id = await first.installId();
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      schemaVersion: 1,
      installId: id,
      annotator: 'ana',
    });

    const again = await UserSettings.open(file);
    expect(again.annotator).toBe('ana');
    expect(await again.installId()).toBe(id);
    await again.setAnnotator('ana-maria');
    expect((await UserSettings.open(file)).annotator).toBe('ana-maria');
    expect(await (await UserSettings.open(file)).installId()).toBe(id);
  });

  it('give two installs two ids', async () => {
    const other = userSettingsFile(join(folder, 'other'));
    const a = await (await UserSettings.open(file)).installId();
    const b = await (await UserSettings.open(other)).installId();
    expect(a).not.toBe(b);
  });

  it('start again from nothing when the file cannot be read, keeping a copy and saying why', async () => {
    await (await UserSettings.open(file)).setAnnotator('ana');
    await writeFile(file, '{"schemaVersion": 1, "installId": ');
    const settings = await UserSettings.open(file);
    expect(settings.annotator).toBeUndefined();
    expect(settings.problem).toMatch(/settings\.json: not valid JSON/);
    const kept = (await readdir(join(folder, 'Gloss'))).filter((name) => name.includes('.invalid-'));
    expect(kept).toHaveLength(1);
    await settings.setAnnotator('ana');
    expect((await UserSettings.open(file)).annotator).toBe('ana');
  });
});
