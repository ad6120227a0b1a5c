// The settings of the example archive this repository builds (docs/configuration.md lists
// every key). Command-line flags and PAPERSHELF_* variables win over what is said here.
import { defineConfig } from 'papershelf/config';

export default defineConfig({
  title: 'Papershelf',
  description: 'A static, searchable archive of research papers.',
  accentColor: '#1d5fc9',
  themeColor: '#1d5fc9',
});
