import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { DirectoryError } from './directory-error.ts';
import { type Directory, DirectorySchema } from './schema.ts';

/** `["services", 3, "phones", 0, "source"]` → `services[3].phones[0].source`. */
function formatPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
  return text === '' ? '(root)' : text;
}

// zod 4 says "expected string, received undefined"; staff editing JSON understand "Required".
const requiredMessage: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads and validates the services directory once, at start-up. Any problem throws a
 * DirectoryError naming the file and field, so a bad edit stops the deploy instead of
 * sending a child a number nobody checked.
 */
export function loadDirectory(filePath: string): Directory {
  let raw: string;
  try {
    raw = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new DirectoryError(
      `${filePath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new DirectoryError(`${filePath}: is not valid JSON (${(error as Error).message})`);
  }
  const result = DirectorySchema.safeParse(data, { error: requiredMessage });
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${filePath}: ${formatPath(issue.path)}: ${issue.message}`,
    );
    throw new DirectoryError(problems.join('\n'), problems);
  }
  return deepFreeze(result.data);
}
