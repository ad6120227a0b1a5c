import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/support/find-chromium.ts';

/** Where the seed archive is served during the tests. */
const PORT = Number(process.env['PAPERSHELF_E2E_PORT'] ?? 4399);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  // The tests run against a real build of the project's bundled sources.
  webServer: {
    command: `npm run build && node bin/papershelf.js serve dist --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 600_000,
    stdout: 'pipe',
  },
});
