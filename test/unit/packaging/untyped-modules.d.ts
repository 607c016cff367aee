// The parsers electron-builder itself uses ship no type declarations; these tests use them so a
// file reads here exactly as it does when packaging. Only the calls made here are declared.

declare module 'js-yaml' {
  /** js-yaml 4: app-builder-lib reads electron-builder.yml with it (out/util/config/load.js). */
  export function load(text: string, options?: { filename?: string }): unknown;
}

declare module 'plist' {
  /** plist 3: @electron/osx-sign reads the entitlements file with it (util-entitlements.js). */
  export function parse(xml: string): unknown;
}
