// import() by Node itself: loaded with the real require(), so a test can run an ES module the
// way Node (and Electron) would, outside vitest's module runner and its transforms.
module.exports = (specifier) => import(specifier);
