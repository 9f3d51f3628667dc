// Tables as files: CSV for spreadsheets (French Excel reads ';' and decimal commas) and a minimal
// XLSX workbook (one sheet, inline strings, a stored ZIP). Pure functions of a table given as
// data, no DOM: `table = { name, header: [text…], rows: [[cell…]…] }`, a cell being a number,
// a string, or null (empty).

const FORMULA_START = /^[=+\-@\t\r]/;

// OWASP "CSV injection": a text cell starting with = + - @ tab or CR could run as a formula when
// the file is opened in a spreadsheet; a leading single quote makes it inert text. Numbers are
// written as numbers (a negative amount stays a number, never a formula).
export function neutralise(text) {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// Numbers in full precision, with the decimal separator the reader's spreadsheet expects.
function csvNumber(value, lang) {
  const text = String(value);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

function csvCell(cell, separator, lang) {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? csvNumber(cell, lang) : '';
  const text = neutralise(String(cell));
  const quote = text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim();
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 text: CRLF line ends, a UTF-8 BOM (Excel otherwise reads UTF-8 as Windows-1252), and
 * for French ';' between cells and ',' in numbers (the list separator of a French Windows).
 */
export function tableToCsv(table, lang) {
  const separator = lang === 'fr' ? ';' : ',';
  const line = (cells) => cells.map((cell) => csvCell(cell, separator, lang)).join(separator);
  return `\uFEFF${[line(table.header), ...table.rows.map(line)].join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------ CRC-32 and a stored ZIP
let crcTable = null;

function crcTableOnce() {
  if (crcTable) return crcTable;
  crcTable = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable[n] = c >>> 0;
  }
  return crcTable;
}

// CRC-32 of ISO 3309 / ITU-T V.42 (the one ZIP, PNG and gzip use), reflected polynomial 0xEDB88320.
export function crc32(bytes) {
  const table = crcTableOnce();
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = table[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// MS-DOS time and date of a ZIP entry (2-second resolution, years from 1980).
function dosDateTime(date) {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const day = ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

/**
 * A ZIP archive (APPNOTE 6.3) whose entries are stored, not compressed: what an XLSX reader
 * needs, in a few dozen lines. `entries` = [{name, bytes: Uint8Array}]; names are ASCII.
 */
export function storedZip(entries, date = new Date()) {
  const encoder = new TextEncoder();
  const { time, day } = dosDateTime(date);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, bytes } of entries) {
    const nameBytes = encoder.encode(name);
    const crc = crc32(bytes);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true); // local file header signature
    local.setUint16(4, 20, true); // version needed: 2.0
    local.setUint16(6, 0x0800, true); // flags: names are UTF-8
    local.setUint16(8, 0, true); // method: stored
    local.setUint16(10, time, true);
    local.setUint16(12, day, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, bytes.length, true); // compressed size
    local.setUint32(22, bytes.length, true); // uncompressed size
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true); // extra field length
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true); // central directory header signature
    central.setUint16(4, 20, true); // version made by
    central.setUint16(6, 20, true); // version needed
    central.setUint16(8, 0x0800, true);
    central.setUint16(10, 0, true);
    central.setUint16(12, time, true);
    central.setUint16(14, day, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, bytes.length, true);
    central.setUint32(24, bytes.length, true);
    central.setUint16(28, nameBytes.length, true);
    // extra, comment, disk number, internal and external attributes: 0
    central.setUint32(42, offset, true); // offset of the local header
    locals.push(new Uint8Array(local.buffer), nameBytes, bytes);
    centrals.push(new Uint8Array(central.buffer), nameBytes);
    offset += 30 + nameBytes.length + bytes.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); // end of central directory signature
  end.setUint16(8, entries.length, true); // entries on this disk
  end.setUint16(10, entries.length, true); // entries in total
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true); // central directory offset
  return concat([...locals, ...centrals, new Uint8Array(end.buffer)]);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ------------------------------------------------------------------ XLSX (SpreadsheetML)
// Characters XML 1.0 cannot carry (C0 controls other than tab, LF and CR, lone surrogates,
// U+FFFE/U+FFFF) are dropped: a cell from a hostile file must not make the workbook unreadable.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text) {
  return String(text).replace(XML_INVALID, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

// "A", "B", …, "Z", "AA", …: the column part of a cell reference.
export function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetCell(cell, ref, style) {
  if (cell === null || cell === undefined || cell === '') return '';
  const s = style ? ` s="${style}"` : '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
}

function sheetXml(table) {
  const rows = [table.header, ...table.rows].map((cells, r) => {
    // Style 1 (bold) for the header row.
    const body = cells.map((cell, c) => sheetCell(cell, `${columnName(c)}${r + 1}`, r === 0 ? 1 : 0)).join('');
    return `<row r="${r + 1}">${body}</row>`;
  });
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

// A sheet name: at most 31 characters, none of []:*?/\ (ECMA-376 and Excel's own rule).
export function sheetName(name) {
  const cleaned = String(name ?? '').replace(/[[\]:*?/\\]/g, ' ').replace(XML_INVALID, '').trim().slice(0, 31);
  return cleaned || 'Sheet1';
}

const XLSX_PARTS = {
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>',
  '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '</Relationships>',
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    '</Relationships>',
  // Two cell formats: 0 the default, 1 bold (the header row).
  'xl/styles.xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
    '</styleSheet>',
};

/** An .xlsx file (Office Open XML, ECMA-376) holding `table` as its one sheet. */
export function tableToXlsx(table, date = new Date()) {
  const workbook = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheets><sheet name="${xmlText(sheetName(table.name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const encoder = new TextEncoder();
  const parts = { ...XLSX_PARTS, 'xl/workbook.xml': workbook, 'xl/worksheets/sheet1.xml': sheetXml(table) };
  return storedZip(Object.entries(parts).map(([name, text]) => ({ name, bytes: encoder.encode(text) })), date);
}
