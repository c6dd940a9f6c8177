// What the test suites may use on this machine, from the test runner's environment.
// REQUIRE_POSTGRES=1 and REQUIRE_BROWSER=1 turn a missing server or browser into a
// failure instead of a loud skip (CI sets both).

const env = process.env

const isSet = (value: string | undefined) => value === '1' || value === 'true'

export const testConfig = {
  postgresUrl: env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  requirePostgres: isSet(env.REQUIRE_POSTGRES),
  chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
  requireBrowser: isSet(env.REQUIRE_BROWSER),
  screenshotDir: env.SCREENSHOT_DIR || 'test-results/screenshots',
}
