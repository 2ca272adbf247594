export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); }
  catch (e) { if (e?.code === 'ERR_MODULE_NOT_FOUND' && /\.node$/.test(specifier) && specifier.startsWith('.')) return next(specifier + '.ts', context); throw e; }
}
