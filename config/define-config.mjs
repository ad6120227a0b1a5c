// `import { defineConfig } from 'papershelf/config'`: what an archive's papershelf.config.mjs
// calls. Plain JavaScript, as Node strips no TypeScript under node_modules; the types are in
// define-config.d.ts, so an editor checks and completes the keys as it reads them. The values
// are checked when a command or Astro loads the file (src/settings/load-config.ts), with one line
// per problem.

/**
 * The settings of an archive, returned as they are: the function only gives them their type.
 * @param {import('./define-config.d.ts').PapershelfConfig} config
 * @returns {import('./define-config.d.ts').PapershelfConfig}
 */
export function defineConfig(config) {
  return config;
}
