// A Node module-resolution hook (registered with module.register): `import … from 'electron'`
// resolves to the recording stand-in instead of the Electron package, whose binary cannot be
// downloaded here. Every other specifier resolves as usual.
const standIn = new URL('./electron-stand-in-module.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: standIn, shortCircuit: true };
  return nextResolve(specifier, context);
}
