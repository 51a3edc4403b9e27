import { type Config, ConfigError, loadConfig } from '../config.ts';

/**
 * The configuration for a command: a setting that is missing or wrong is printed as the one-line
 * message it is (exit 1 follows), not a stack trace. Other errors are bugs and are thrown.
 */
export function loadCliConfig(): Config | null {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return null;
  }
}
