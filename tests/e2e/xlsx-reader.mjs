// A reader for the tests, written apart from web/ui/table-export.js so it checks the workbook
// rather than mirroring the writer: ZIP by its central directory (stored or deflated entries,
// inflated with Node's zlib, each CRC-32 checked with zlib.crc32), then the first sheet's XML.
import { crc32, inflateRawSync } from 'node:zlib';

export function readZip(buffer) {
  const bytes = Buffer.from(buffer);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory record');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i += 1) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header at ${at}`);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (bytes.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataStart, dataStart + compressed);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`${name}: compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, header says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC-32 mismatch`);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const unescapeXml = (text) => text.replace(/&(lt|gt|quot|apos|amp);/g,
  (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]);

function columnIndex(letters) {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The first sheet of an .xlsx as rows of cells (numbers as numbers, strings as strings). */
export function readXlsx(buffer) {
  const zip = readZip(buffer);
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml']) {
    if (!zip.has(part)) throw new Error(`missing ${part}`);
  }
  const workbook = zip.get('xl/workbook.xml').toString('utf8');
  const sheetName = unescapeXml(/<sheet [^>]*name="([^"]*)"/.exec(workbook)?.[1] ?? '');
  const shared = zip.has('xl/sharedStrings.xml')
    ? [...zip.get('xl/sharedStrings.xml').toString('utf8').matchAll(/<si>([\s\S]*?)<\/si>/g)]
      .map((m) => unescapeXml([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')))
    : [];
  const xml = zip.get('xl/worksheets/sheet1.xml').toString('utf8');
  const rows = [];
  for (const row of xml.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [];
    for (const cell of row[2].matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, letters, , attributes, body = ''] = cell;
      const type = /t="(\w+)"/.exec(attributes)?.[1];
      let value;
      if (type === 'inlineStr') value = unescapeXml([...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
      else if (type === 's') value = shared[Number(/<v>([^<]*)<\/v>/.exec(body)[1])];
      else value = Number(/<v>([^<]*)<\/v>/.exec(body)?.[1]);
      cells[columnIndex(letters)] = value;
    }
    rows[Number(row[1]) - 1] = cells;
  }
  // An empty cell is not written: rows are padded to the widest one.
  const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
  return { sheetName, rows: Array.from(rows, (r) => Array.from({ length: width }, (_, i) => r?.[i] ?? null)) };
}
