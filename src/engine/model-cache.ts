import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LearnedNumbers, ModelParts } from '../../flows/understand/learn/train-models.ts';

/**
 * Trained models kept on disk between starts, so a process starts in milliseconds instead of
 * training for seconds. The file name is a hash of everything training reads (the corpora, the
 * lexicons it hears with, the code that turns text into features and learns): change any of it
 * and the old file is simply never found again. A file that cannot be read or written is not
 * an error: the process trains and goes on.
 */
export function cacheKey(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input).update('\0');
  return hash.digest('hex').slice(0, 24);
}

export function readModelCache(dir: string, key: string): ModelParts | null {
  try {
    return decode(readFileSync(join(dir, `understanding-${key}.bin`)));
  } catch {
    return null;
  }
}

export function writeModelCache(dir: string, key: string, parts: ModelParts): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `understanding-${key}.bin`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, encode(parts));
    renameSync(tmp, file); // atomic: parallel test processes never read half a file
    return true;
  } catch {
    return false;
  }
}

const NUMBER_PARTS = ['danger', 'language', 'questions'] as const;

/** A JSON header (names, shapes), then the weights and biases, each 8-byte aligned. */
function encode(parts: ModelParts): Buffer {
  const arrays = NUMBER_PARTS.flatMap((name) => [parts[name].weights, parts[name].bias]);
  const header = Buffer.from(
    JSON.stringify({
      vocabulary: parts.vocabulary,
      langs: parts.langs,
      targets: parts.targets,
      dangerSmoothing: parts.dangerSmoothing,
      lengths: arrays.map((a) => a.length),
    }),
  );
  const headerLength = Math.ceil((4 + header.length) / 8) * 8;
  const chunks: Buffer[] = [Buffer.alloc(headerLength)];
  chunks[0]!.writeUInt32LE(header.length, 0);
  header.copy(chunks[0]!, 4);
  for (const a of arrays) {
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    chunks.push(bytes, Buffer.alloc((8 - (bytes.length % 8)) % 8));
  }
  return Buffer.concat(chunks);
}

function decode(file: Buffer): ModelParts {
  const headerLength = file.readUInt32LE(0);
  const header = JSON.parse(file.subarray(4, 4 + headerLength).toString('utf8')) as {
    vocabulary: string[];
    langs: ModelParts['langs'];
    targets: string[];
    dangerSmoothing?: number;
    lengths: number[];
  };
  let offset = Math.ceil((4 + headerLength) / 8) * 8;
  const read = (length: number, wide: boolean) => {
    const bytes = length * (wide ? 8 : 4);
    const copy = new Uint8Array(file.subarray(offset, offset + bytes));
    if (copy.length !== bytes) throw new Error('truncated model file');
    offset += bytes + ((8 - (bytes % 8)) % 8);
    return wide ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer);
  };
  const out: Record<string, LearnedNumbers> = {};
  NUMBER_PARTS.forEach((name, i) => {
    out[name] = {
      weights: read(header.lengths[2 * i]!, false) as Float32Array,
      bias: read(header.lengths[2 * i + 1]!, true) as Float64Array,
    };
  });
  return {
    vocabulary: header.vocabulary,
    langs: header.langs,
    targets: header.targets,
    dangerSmoothing: header.dangerSmoothing ?? 0,
    danger: out.danger!,
    language: out.language!,
    questions: out.questions!,
  };
}
