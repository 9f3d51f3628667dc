// Remembers manual mappings in localStorage, keyed by the file's header line, so the next file
// with the same columns is read the same way. Also reads a file's header for the mapping panel.
const PREFIX = 'roilens.mapping.v1:';
const HEAD_BYTES = 64 * 1024;

export function headerKey(header) {
  return PREFIX + header.map((h) => h.trim().toLowerCase()).join('\u001f');
}

export function loadMapping(header) {
  if (!header?.length) return null;
  try {
    const text = localStorage.getItem(headerKey(header));
    return text ? JSON.parse(text) : null;
  } catch {
    return null;  // storage disabled or a corrupt entry: behave as if nothing was remembered
  }
}

export function saveMapping(header, options) {
  if (!header?.length) return;
  try {
    localStorage.setItem(headerKey(header), JSON.stringify(options));
  } catch {
    // Storage full or disabled: the mapping still applies to this session.
  }
}

export function forgetMapping(header) {
  if (!header?.length) return;
  try {
    localStorage.removeItem(headerKey(header));
  } catch {
    // nothing to forget
  }
}

function splitLine(line, delimiter) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

// The column names of a delimited text file, for the mapping panel only (the engine does the
// real reading): skips `#` preambles and short title lines, picks the delimiter that splits best.
export async function readHeader(blob) {
  const bytes = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  let text;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else text = new TextDecoder('utf-8').decode(bytes);
  text = text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  for (const line of lines.slice(0, 10)) {
    const best = [',', ';', '\t', '|']
      .map((d) => splitLine(line, d))
      .sort((a, b) => b.length - a.length)[0];
    if (best.length >= 2) return best.slice(0, 80);
  }
  return [];
}
