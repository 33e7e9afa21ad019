import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { UpdateController, type UpdateEvents } from '../../electron/shells/electron/updates';

/** What the controller uses of electron-updater's AppUpdater, recorded. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  allowPrerelease = true;
  logger: unknown = console;
  checks = 0;
  installs: unknown[][] = [];
  checkForUpdates() {
    this.checks++;
    return Promise.resolve(null);
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args);
  }
}

function setUp({ busy = false, agree = true } = {}) {
  const updater = new FakeUpdater();
  const logs: string[] = [];
  const asked: string[] = [];
  const state = { busy, agree };
  const controller = new UpdateController({
    updater: updater as unknown as UpdateEvents,
    isBusy: () => state.busy,
    ask: async (version) => {
      asked.push(version);
      return state.agree;
    },
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(`WARN ${m}`) },
  });
  return { updater, logs, asked, state, controller };
}

const downloaded = (updater: FakeUpdater, version = '9.9.9') =>
  updater.emit('update-downloaded', { version, files: [], path: '', sha512: '', releaseDate: '' });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('UpdateController', () => {
  it('downloads in the background, never installs on its own, never downgrades', () => {
    const { updater } = setUp();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: false, allowPrerelease: false });
  });

  it('installs a verified update only when the user agrees', async () => {
    const { updater, asked, logs } = setUp();
    downloaded(updater);
    await settle();
    expect(asked).toEqual(['9.9.9']);
    expect(updater.installs).toEqual([[false, true]]);
    expect(logs).toContain('update 9.9.9 downloaded and verified (sha512)');
  });

  it('does not install when the user declines, and asks again at the next check', async () => {
    const { updater, asked, controller, state } = setUp({ agree: false });
    downloaded(updater);
    await settle();
    expect(updater.installs).toEqual([]);
    state.agree = true;
    await controller.check();
    expect(asked).toEqual(['9.9.9', '9.9.9']);
    expect(updater.installs).toHaveLength(1);
    expect(updater.checks).toBe(0); // already downloaded: offered, not fetched again
  });

  it('waits while a job is running: not even asked', async () => {
    const { updater, asked, controller, state, logs } = setUp({ busy: true });
    downloaded(updater);
    await settle();
    expect(asked).toEqual([]);
    expect(logs).toContain('update 9.9.9 waits: a job is running');
    state.busy = false;
    expect(await controller.offer()).toBe('installing');
    controller.stop();
  });

  it('logs a refused download (sha512 mismatch) and offers nothing', async () => {
    const { updater, asked, logs } = setUp();
    updater.emit('error', new Error('sha512 checksum mismatch, expected abc, got def'));
    await settle();
    expect(asked).toEqual([]);
    expect(logs).toContain('WARN update refused or failed: sha512 checksum mismatch, expected abc, got def');
  });
});
