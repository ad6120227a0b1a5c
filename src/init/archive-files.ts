/**
 * The files of a new archive, made from the templates in the package's templates/archive/:
 * what `papershelf init` writes, as paths and text. Pure.
 */

/** One file of a new archive: its path inside the archive, and its text. */
export interface ArchiveFile {
  readonly path: string;
  readonly text: string;
}

/** What the templates are filled with. */
export interface ArchiveSpec {
  /** The site's title. */
  readonly title: string;
  /** The archive folder's name, for its package.json. */
  readonly folder: string;
  /** This package's version, which the archive depends on. */
  readonly version: string;
  /** The templates, by file name. */
  readonly templates: Readonly<Record<'config' | 'readme' | 'gitignore' | 'workflow' | 'taxonomies', string>>;
}

/** A package name npm accepts, from a folder's name: lowercase letters, digits, `-`, `.`, `_`. */
export function packageName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[-]+$/g, '')
    .slice(0, 100);
  return name || 'papershelf-archive';
}

/** The archive's package.json: Papershelf as its one dependency, and the everyday commands as scripts. */
function packageJson(spec: ArchiveSpec): string {
  const manifest = {
    name: packageName(spec.folder),
    private: true,
    type: 'module',
    scripts: {
      fetch: 'papershelf fetch hf',
      ingest: 'papershelf ingest',
      build: 'papershelf build --out dist',
      dev: 'papershelf dev',
      serve: 'papershelf serve dist',
      'check-links': 'papershelf check-links dist',
    },
    dependencies: { papershelf: `^${spec.version}` },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * The files of a new archive. The title goes into the config as a JavaScript string literal
 * (JSON's, which JavaScript reads as the same string), so no title can end the string early.
 */
export function archiveFiles(spec: ArchiveSpec): ArchiveFile[] {
  const { templates } = spec;
  return [
    { path: 'papershelf.config.mjs', text: templates.config.replace('%TITLE%', () => JSON.stringify(spec.title)) },
    { path: 'package.json', text: packageJson(spec) },
    { path: 'README.md', text: templates.readme.replace('%TITLE_TEXT%', () => spec.title) },
    { path: '.gitignore', text: templates.gitignore },
    { path: '.github/workflows/papershelf.yml', text: templates.workflow },
    { path: 'content/taxonomies.yaml', text: templates.taxonomies },
    // Git keeps no empty folder: this file keeps content/sources/ in a fresh clone (names starting with a dot are not sources).
    { path: 'content/sources/.gitkeep', text: '' },
  ];
}
