import pkg from '../package.json' with {type: 'json'}

/** scrapelint's version, from package.json. */
export const version: string = pkg.version
