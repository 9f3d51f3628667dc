// The page: takes files (drop, picker, folder, samples), feeds them to the engine in its worker,
// and renders what comes back. All state lives in `state`; every render starts from it.
import { createEngine } from './roilens.js';
import { byId, el } from './ui/dom.js';
import { fileCard, mappingPanel } from './ui/files.js';
import { t, translateStatic } from './ui/i18n.js';
import { renderCatalogue } from './ui/catalogue.js';
import { catalogueById, renderBreakdownTable, renderFunnel, renderPeriodTable, renderTiles,
  ReportIndex } from './ui/kpis.js';
import { filesFromDrop, sampleFiles } from './ui/intake.js';
import { forgetMapping, loadMapping, readHeader, saveMapping } from './ui/mapping-store.js';
import { renderAttribution, renderClv } from './ui/models.js';

const LANG_KEY = 'roilens.lang';

function initialLanguage() {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // storage disabled: fall back to the browser's language
  }
  return (navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const state = {
  lang: initialLanguage(),
  files: [],
  nextId: 1,
  catalogue: [],
  index: new ReportIndex(),
  period: '',
  attribution: null,
  attributionError: null,
  attributionView: { model: 'key', measure: 'value' },
  clv: null,
  clvError: null,
  reports: {},
  mappingFor: null,
  busy: 0,
  progress: null,
};

let enginePromise = null;
function engine() {
  // A failed start is forgotten, so the next action tries again instead of failing forever.
  enginePromise ??= createEngine({ worker: true }).catch((error) => {
    enginePromise = null;
    throw error;
  });
  return enginePromise;
}

// ---------------------------------------------------------------- busy indicator and errors
function setStatus() {
  const status = byId('status');
  const bar = byId('progress');
  if (state.busy > 0) {
    status.textContent = state.progress?.name
      ? `${t('reading', state.lang)} ${state.progress.name}…` : t('busy', state.lang);
    bar.hidden = false;
    const fraction = state.progress?.total ? state.progress.loaded / state.progress.total : null;
    bar.classList.toggle('indeterminate', fraction === null);
    bar.firstElementChild.style.width = fraction === null ? '' : `${Math.round(fraction * 100)}%`;
  } else {
    status.textContent = state.files.length ? t('ready', state.lang) : '';
    bar.hidden = true;
  }
  document.body.classList.toggle('busy', state.busy > 0);
  document.querySelector('main').setAttribute('aria-busy', String(state.busy > 0));
}

async function whileBusy(task) {
  state.busy += 1;
  setStatus();
  try {
    return await task();
  } finally {
    state.busy -= 1;
    if (state.busy === 0) state.progress = null;
    setStatus();
  }
}

function errorMessage(error) {
  if (error?.code === 'engine_unavailable') return t('engineMissing', state.lang);
  if (state.lang === 'fr') return error?.messageFr ?? error?.message ?? String(error);
  return error?.messageEn ?? error?.message ?? String(error);
}

function showError(error) {
  const item = el('div', { class: 'error-item' },
    el('strong', { text: t('errorTitle', state.lang) }), ' ',
    el('span', { text: errorMessage(error) }),
    el('button', { type: 'button', class: 'icon-button', text: '×', title: t('dismiss', state.lang),
      'aria-label': t('dismiss', state.lang), onclick: () => item.remove() }));
  byId('errors').append(item);
}

// ---------------------------------------------------------------- ingestion
async function ingest(entry) {
  entry.report = null;
  entry.error = null;
  entry.progress = 0;
  renderFiles();
  try {
    const eng = await engine();
    entry.report = await eng.addFile(entry.name, entry.blob, {
      ...entry.options,
      onProgress: ({ loaded, total }) => {
        entry.progress = total ? loaded / total : null;
        state.progress = { name: entry.name, loaded, total };
        setStatus();
      },
    });
  } catch (error) {
    const missing = error.code === 'engine_unavailable';
    entry.error = { code: error.code, message: error.message,
      messageEn: missing ? t('engineMissing', 'en') : error.messageEn,
      messageFr: missing ? t('engineMissing', 'fr') : error.messageFr,
      file: error.file, line: error.line, column: error.column };
  }
  delete entry.progress;
  // The engine's own reading of the header is better than the page's quick look.
  if (entry.report?.header?.length) entry.header = entry.report.header;
  renderFiles();
}

async function addFiles(files) {
  const list = [...files].filter((f) => f && f.size !== undefined);
  if (!list.length) return;
  await whileBusy(async () => {
    const entries = [];
    for (const file of list) {
      const entry = { id: state.nextId++, name: file.webkitRelativePath || file.name, size: file.size,
        blob: file, options: {}, header: [] };
      try {
        entry.header = await readHeader(file);
      } catch {
        entry.header = [];
      }
      // Kept apart: the engine may read the header slightly differently; both keys are saved.
      entry.pageHeader = entry.header;
      entry.options = loadMapping(entry.header) ?? {};
      state.files.push(entry);
      entries.push(entry);
    }
    renderFiles();
    try {
      for (const entry of entries) await ingest(entry);
      await refresh();
    } catch (error) {
      showError(error);
    }
  });
}

// The Session cannot forget one file, so a removal or a new mapping re-reads every file.
async function reingestAll() {
  await whileBusy(async () => {
    try {
      const eng = await engine();
      await eng.reset();
      for (const entry of state.files) await ingest(entry);
      await refresh();
    } catch (error) {
      showError(error);
    }
  });
}

async function loadSamples() {
  await whileBusy(async () => {
    try {
      await addFiles(await sampleFiles());
    } catch (error) {
      showError(error);
    }
  });
}

// ---------------------------------------------------------------- computing the report
function reportOptions(extra = {}) {
  const options = { grain: byId('grain').value };
  if (byId('from').value) options.from = byId('from').value;
  if (byId('to').value) options.to = byId('to').value;
  return { ...options, ...extra };
}

async function refresh() {
  if (!state.files.some((f) => f.report)) {
    state.index = new ReportIndex();
    renderDashboard();
    return;
  }
  await whileBusy(async () => {
    const eng = await engine();
    try {
      if (!state.catalogue.length) state.catalogue = await eng.catalogue();
      const breakdown = byId('breakdown').value;
      const total = await eng.report(reportOptions({ compare: true }));
      const byChannel = await eng.report(reportOptions({ by: ['channel'] }));
      const byOther = breakdown && breakdown !== 'channel'
        ? await eng.report(reportOptions({ by: [breakdown] })).catch((error) => { showError(error); return null; })
        : null;
      state.index = new ReportIndex(total, byChannel, byOther);
      state.reports = { total, by_channel: byChannel, by_other: byOther };
    } catch (error) {
      state.index = new ReportIndex();
      showError(error);
    }
    try {
      state.attribution = await eng.attribution({});
      state.attributionError = null;
    } catch (error) {
      state.attribution = null;
      state.attributionError = error;
    }
    try {
      state.clv = await eng.clv({});
      state.clvError = null;
    } catch (error) {
      state.clv = null;
      state.clvError = error;
    }
    if (!state.index.periods.includes(state.period)) state.period = state.index.periods.at(-1) ?? 'all';
    renderDashboard();
  });
}

// ---------------------------------------------------------------- rendering
function renderFiles() {
  const lang = state.lang;
  const container = byId('files');
  byId('clear-button').hidden = state.files.length === 0;
  document.body.classList.toggle('has-files', state.files.length > 0);
  if (!state.files.length) {
    container.replaceChildren(el('p', { class: 'empty', text: t('noFiles', lang) }));
    return;
  }
  const handlers = {
    onFix: (entry) => {
      state.mappingFor = state.mappingFor === entry.id ? null : entry.id;
      renderFiles();
    },
    onRemove: (entry) => {
      state.files = state.files.filter((f) => f !== entry);
      renderFiles();
      reingestAll();
    },
  };
  const panelHandlers = {
    onApply: (entry, options) => {
      entry.options = options;
      saveMapping(entry.header, options);
      if (entry.pageHeader !== entry.header) saveMapping(entry.pageHeader, options);
      state.mappingFor = null;
      reingestAll();
    },
    onForget: (entry) => {
      forgetMapping(entry.header);
      forgetMapping(entry.pageHeader);
      entry.options = {};
      state.mappingFor = null;
      reingestAll();
    },
    onCancel: () => {
      state.mappingFor = null;
      renderFiles();
    },
  };
  container.replaceChildren(...state.files.flatMap((entry) => [
    fileCard(entry, lang, handlers),
    state.mappingFor === entry.id ? mappingPanel(entry, lang, panelHandlers) : null,
  ].filter(Boolean)));
}

function renderPeriodSelect() {
  const select = byId('period-select');
  select.replaceChildren(...state.index.periods.map((p) =>
    el('option', { value: p, text: p, selected: p === state.period })));
}

function renderDashboard() {
  const lang = state.lang;
  const hasData = state.files.some((f) => f.report);
  byId('dashboard').hidden = !hasData;
  if (!hasData) return;
  const entries = catalogueById(state.catalogue);
  const { index, period } = state;
  renderPeriodSelect();
  renderTiles(byId('tiles'), { index, entries, period, lang });
  const basis = index.visitorsBasis;
  byId('visitors-basis').textContent = basis
    ? `${t('visitorsBasis', lang)} ${t(basis === 'sessions' ? 'basisSessions' : 'basisUsers', lang)}.` : '';
  renderFunnel(byId('funnel'), { index, entries, period, lang });
  renderPeriodTable(byId('period-table'), { index, entries, lang });
  const breakdown = byId('breakdown').value;
  const titles = { channel: 'perChannelTitle', source: 'perSourceTitle', campaign: 'perCampaignTitle',
    landing_page: 'perLandingPageTitle', device: 'perDeviceTitle' };
  byId('breakdown-title').textContent = breakdown ? t(titles[breakdown], lang) : '';
  byId('breakdown-title').hidden = !breakdown;
  renderBreakdownTable(byId('channel-tables'), { index, entries, lang, dimensionName: breakdown || null });
  renderCatalogue(byId('catalogue'), { catalogue: state.catalogue, index, period, lang });
  renderAttribution(byId('attribution'), { attribution: state.attribution, error: state.attributionError,
    lang, view: state.attributionView, onChange: (view) => {
      state.attributionView = view;
      renderDashboard();
    } });
  renderClv(byId('clv'), { clv: state.clv, error: state.clvError, index, period, lang });
}

function setLanguage(lang) {
  state.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered; still switched
  }
  document.documentElement.lang = lang;
  byId('lang-toggle').textContent = lang === 'fr' ? 'EN' : 'FR';
  translateStatic(document, lang);
  setStatus();
  renderFiles();
  renderDashboard();
}

// ---------------------------------------------------------------- wiring
function wire() {
  const zone = byId('dropzone');
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add('over');
    });
  }
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', async (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    try {
      await addFiles(await filesFromDrop(event.dataTransfer));
    } catch (error) {
      showError(error);
    }
  });
  // A file dropped outside the zone must not make the browser navigate away from the page.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
  for (const id of ['file-input', 'folder-input']) {
    byId(id).addEventListener('change', async (event) => {
      await addFiles(event.target.files);
      event.target.value = '';
    });
  }
  byId('sample-button').addEventListener('click', loadSamples);
  // The drop zone is focusable: Enter or Space opens the file picker (keyboard users).
  zone.addEventListener('keydown', (event) => {
    if (event.target === zone && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      byId('file-input').click();
    }
  });
  byId('clear-button').addEventListener('click', () => {
    state.files = [];
    state.mappingFor = null;
    renderFiles();
    reingestAll();
  });
  byId('lang-toggle').addEventListener('click', () => setLanguage(state.lang === 'fr' ? 'en' : 'fr'));
  for (const id of ['grain', 'from', 'to', 'breakdown']) byId(id).addEventListener('change', () => refresh());
  // The report as JSON, saved from memory (a blob: URL; nothing leaves the machine).
  byId('export-button').addEventListener('click', async () => {
    const files = state.files.map((f) => f.report).filter(Boolean);
    const body = JSON.stringify({ files, ...state.reports, attribution: state.attribution, clv: state.clv }, null, 2);
    const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    const link = el('a', { href: url, download: 'roilens-report.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  byId('period-select').addEventListener('change', (event) => {
    state.period = event.target.value;
    renderDashboard();
  });
}

wire();
setLanguage(state.lang);
engine().catch((error) => showError(error));
