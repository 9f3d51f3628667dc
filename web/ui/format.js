// Number formatting driven by the catalogue's unit (the page never guesses a format).
const cache = new Map();

function formatter(lang, options) {
  const key = `${lang}|${JSON.stringify(options)}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options));
  return cache.get(key);
}

export function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

export function formatNumber(value, lang, maxDigits = 2) {
  if (!isNumber(value)) return '—';
  return formatter(lang, { maximumFractionDigits: maxDigits }).format(value);
}

// unit: count | percent | currency | days | ratio (KpiCatalogue). Percent values arrive already
// scaled (×100) by the engine.
export function formatValue(value, unit, lang, currency) {
  if (!isNumber(value)) return '—';
  switch (unit) {
    case 'count':
      return formatter(lang, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 }).format(value);
    case 'percent':
      return `${formatter(lang, { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1 }).format(value)} %`;
    case 'currency':
      if (currency && /^[A-Z]{3}$/.test(currency)) {
        return formatter(lang, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
      }
      return formatter(lang, { maximumFractionDigits: 2 }).format(value);
    case 'days':
      return `${formatter(lang, { maximumFractionDigits: 1 }).format(value)} ${lang === 'fr' ? 'j' : 'd'}`;
    case 'ratio':
      return formatter(lang, { maximumFractionDigits: 2 }).format(value);
    default:
      return formatNumber(value, lang);
  }
}

export function formatBytes(bytes, lang) {
  if (!isNumber(bytes)) return '';
  const units = lang === 'fr' ? ['o', 'Kio', 'Mio', 'Gio'] : ['B', 'KiB', 'MiB', 'GiB'];
  let size = bytes;
  let i = 0;
  while (size >= 1024 && i < units.length - 1) {
    size /= 1024;
    i += 1;
  }
  return `${formatNumber(size, lang, i ? 1 : 0)} ${units[i]}`;
}

// "channel=Paid Search" (several dimensions joined with ";"), "" for none: the data-dimension.
export function dimensionKey(dimensions) {
  return Object.entries(dimensions ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}
