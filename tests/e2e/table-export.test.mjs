// The page's table files, checked in Node (web/ui/table-export.js has no DOM): CSV as French and
// English spreadsheets read it, formula cells neutralised (OWASP "CSV injection"), and the XLSX
// opened by a reader written apart (xlsx-reader.mjs: zlib's CRC-32) and by unzip / Python.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { columnName, crc32, neutralise, sheetName, tableToCsv, tableToXlsx } from '../../web/ui/table-export.js';
import { readXlsx } from './xlsx-reader.mjs';

const TABLE = {
  name: 'Per channel',
  header: ['Channel', 'Leads', 'Rate'],
  rows: [['Email', 3, 2.0547945205479454], ['Paid Search', 0, null], ['Café "Nord"; Sud', -12.5, 0.25]],
};

test('OWASP: text starting with = + - @ tab or CR gets a leading quote, nothing else changes', () => {
  assert.equal(neutralise('=HYPERLINK("http://x")'), `'=HYPERLINK("http://x")`);
  assert.equal(neutralise('+33 1 23'), "'+33 1 23");
  assert.equal(neutralise('-2+3'), "'-2+3");
  assert.equal(neutralise('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(neutralise('\tcmd'), "'\tcmd");
  assert.equal(neutralise('\rcmd'), "'\rcmd");
  assert.equal(neutralise('Organic Search'), 'Organic Search');
  assert.equal(neutralise('a=b'), 'a=b');
  assert.equal(neutralise(''), '');
});

test('CSV in English: BOM, commas, CRLF, RFC 4180 quoting, numbers in full precision', () => {
  assert.equal(tableToCsv(TABLE, 'en'), '\uFEFFChannel,Leads,Rate\r\n' +
    'Email,3,2.0547945205479454\r\n' +
    'Paid Search,0,\r\n' +
    '"Café ""Nord""; Sud",-12.5,0.25\r\n');
});

test('CSV in French: semicolons and decimal commas (what French Excel expects)', () => {
  assert.equal(tableToCsv(TABLE, 'fr'), '\uFEFFChannel;Leads;Rate\r\n' +
    'Email;3;2,0547945205479454\r\n' +
    'Paid Search;0;\r\n' +
    '"Café ""Nord""; Sud";-12,5;0,25\r\n');
});

test('CSV neutralises formula cells, and quotes them when they hold the separator', () => {
  const csv = tableToCsv({ name: 'x', header: ['Campaign'],
    rows: [['=1+1'], ['@cmd'], ['+1,2'], ['-x'], ['\t=evil'], ['plain']] }, 'en');
  assert.equal(csv, "\uFEFFCampaign\r\n'=1+1\r\n'@cmd\r\n\"'+1,2\"\r\n'-x\r\n'\t=evil\r\nplain\r\n");
});

test('CRC-32: the published check value and zlib agree', () => {
  // Check value of CRC-32/ISO-HDLC for the ASCII bytes "123456789" (the CRC catalogue's "check").
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  const bytes = Uint8Array.from({ length: 4099 }, (_, i) => (i * 7919 + 13) % 256);
  assert.equal(crc32(bytes), zlibCrc32(bytes));
  assert.equal(crc32(new Uint8Array(0)), 0);
});

test('column letters and sheet names follow Excel', () => {
  assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(columnName), ['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  assert.equal(sheetName('Funnel: 2025/03 [all]?'), 'Funnel  2025 03  all');
  assert.equal(sheetName('x'.repeat(40)).length, 31);
  assert.equal(sheetName(''), 'Sheet1');
});

test('XLSX reads back: numbers as numbers, text as text, empty cells empty', () => {
  const hostile = { name: 'Per campaign', header: ['Campaign', 'Cost'],
    rows: [['<script>alert(1)</script> & "co"', 1234.5], ['=1+1', -3], ['bell\u0007 and \uD800 lone', 0]] };
  const { sheetName: name, rows } = readXlsx(tableToXlsx(hostile));
  assert.equal(name, 'Per campaign');
  assert.deepEqual(rows, [
    ['Campaign', 'Cost'],
    ['<script>alert(1)</script> & "co"', 1234.5],
    ['=1+1', -3], // an inline string is never a formula in a workbook: kept as the file wrote it
    ['bell and  lone', 0], // characters XML 1.0 cannot hold are dropped, the rest kept
  ]);
  const { rows: table } = readXlsx(tableToXlsx(TABLE));
  assert.deepEqual(table[2], ['Paid Search', 0, null]);
  assert.equal(table[1][2], 2.0547945205479454);
});

// Other readers than ours: Info-ZIP's `unzip -t` checks every CRC; Python's zipfile lists the parts.
test('XLSX is a valid ZIP for unzip and for Python', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'roilens-xlsx-'));
  try {
    const path = join(dir, 'table.xlsx');
    writeFileSync(path, tableToXlsx(TABLE));
    let checked = 0;
    try {
      const out = execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
      assert.match(out, /No errors detected/);
      checked += 1;
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    try {
      const names = execFileSync('python3', ['-c',
        'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(sorted(z.namelist())))',
        path], { encoding: 'utf8' }).trim().split('\n');
      assert.deepEqual(names, ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml',
        'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
      checked += 1;
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    if (!checked) t.skip('neither unzip nor python3 is installed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
