// The same stand-in for CommonJS: packages the bundle loads with require() (electron-updater)
// get it through the Module._resolveFilename hook in electron-main-harness.ts.
const standIn = globalThis.__magnaElectronStandIn;
if (!standIn) throw new Error('The electron stand-in is not installed: call installElectronStandIn() first.');
module.exports = standIn;
