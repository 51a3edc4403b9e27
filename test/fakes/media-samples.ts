/**
 * Small real files for the fake Twilio to serve: a PNG a browser shows and an Ogg Opus voice
 * note (as WhatsApp sends them) a browser can load, made here so no binary sits in the tree.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A `width`×`height` PNG, one colour (https://www.w3.org/TR/png/). */
export function samplePng(width = 24, height = 16): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0)]);
  for (let x = 0; x < width; x++) row.set([30, 120, 200], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Ogg's CRC: polynomial 0x04c11db7, not reflected, starting at 0 (RFC 3533). */
const OGG_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  return c >>> 0;
});

function oggCrc(buf: Buffer): number {
  let c = 0;
  for (const b of buf) c = ((c << 8) ^ OGG_TABLE[((c >>> 24) ^ b) & 0xff]!) >>> 0;
  return c >>> 0;
}

function oggPage(opts: { packets: Buffer[]; granule: bigint; seq: number; flags: number }): Buffer {
  const lacing: number[] = [];
  for (const p of opts.packets) {
    let n = p.length;
    while (n >= 255) {
      lacing.push(255);
      n -= 255;
    }
    lacing.push(n);
  }
  const head = Buffer.alloc(27);
  head.write('OggS', 0, 'ascii');
  head[4] = 0;
  head[5] = opts.flags;
  head.writeBigInt64LE(opts.granule, 6);
  head.writeUInt32LE(0x46617230, 14); // stream serial
  head.writeUInt32LE(opts.seq, 18);
  head[26] = lacing.length;
  const page = Buffer.concat([head, Buffer.from(lacing), ...opts.packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/**
 * About `seconds` of silence as Ogg Opus (RFC 7845): OpusHead, OpusTags, then 20 ms frames of
 * the one-frame silence packet (TOC 0xF8: CELT, full band, 20 ms, mono).
 */
export function sampleOggOpus(seconds = 2): Buffer {
  const preSkip = 312;
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt16LE(preSkip, 10);
  head.writeUInt32LE(48_000, 12);
  head.writeInt16LE(0, 16);
  head[18] = 0;
  const vendor = Buffer.from('faro-test', 'ascii');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'ascii');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);
  const frames = Math.ceil((seconds * 1000) / 20);
  const silence = Buffer.from([0xf8, 0xff, 0xfe]);
  const pages = [
    oggPage({ packets: [head], granule: 0n, seq: 0, flags: 0x02 }),
    oggPage({ packets: [tags], granule: 0n, seq: 1, flags: 0 }),
  ];
  let seq = 2;
  for (let i = 0; i < frames; i += 50) {
    const count = Math.min(50, frames - i);
    const last = i + count >= frames;
    pages.push(
      oggPage({
        packets: Array.from({ length: count }, () => silence),
        granule: BigInt((i + count) * 960),
        seq: seq++,
        flags: last ? 0x04 : 0,
      }),
    );
  }
  return Buffer.concat(pages);
}
