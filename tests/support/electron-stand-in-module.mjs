// Loaded in place of the `electron` module (electron-stand-in-hooks.mjs resolves the specifier
// here) when a test runs the BUILT main process in Node. It only re-exports the recording
// stand-in the test installed (tests/support/electron-stand-in.ts), so the test and the bundle
// share one instance. A name the bundle imports that is missing here fails the import: add it
// to the stand-in when the app starts using another Electron API.
const standIn = globalThis.__magnaElectronStandIn;
if (!standIn) throw new Error('The electron stand-in is not installed: call installElectronStandIn() first.');

export const { app, BrowserWindow, Menu, session, shell, safeStorage, ipcMain, Notification, dialog, clipboard, net, contextBridge, ipcRenderer } =
  standIn;
export default standIn;
