// <roilens-dashboard>: the whole roilens interface (drop zone, file cards, dashboard) as one
// custom element, used by the page itself (web/index.html) and by an agency's own site.
//
//   <script type="module" src="…/components/roilens-dashboard.js"></script>
//   <roilens-dashboard lang="fr" grain="month" samples="samples/manifest.json"></roilens-dashboard>
//
// Attributes: lang (en|fr), grain (day|week|month|quarter|year|all), samples (URL of a samples
// manifest; without it the sample button is hidden), wasm-url and worker-url (where the engine's
// files live when a bundler moved them), url-state (keep the view in the page's URL hash).
// Events (bubbling, composed): `roilens-file` (detail: one file's report), `roilens-report`
// (detail: the report, the same JSON as the download) and `roilens-view` (detail: the view, as
// in the URL hash). The element reflects `busy` while it works. Its styles (../style.css) stay in
// an open shadow root; a host restyles it through the custom properties (--accent, --ink, …) and
// the parts (::part(panel), ::part(tile)…) listed in docs/embedding.md.
import { createEngine } from '../roilens.js';
import { el } from '../ui/dom.js';
import { t, translateStatic } from '../ui/i18n.js';
import { filesFromDrop, sampleFiles } from '../ui/intake.js';
import { saveBlob } from '../ui/downloads.js';
import { ReportIndex } from '../ui/kpis.js';
import { forgetMapping, loadMapping, readHeader, saveMapping } from '../ui/mapping-store.js';
import { loadSteering, steeringOptions } from '../ui/steering-store.js';
import { defaultView, GRAINS, parseViewHash, viewHash } from '../ui/view-state.js';
import { dashboardMarkup, PANELS } from './dashboard-markup.js';
import { renderDashboard, renderFileList, renderPanels } from './dashboard-view.js';
import { abVariants, periodOptions, steeringHandlers } from './steering-controller.js';

const LANG_KEY = 'roilens.lang';
const LANGUAGES = ['en', 'fr'];
const STYLESHEET_URL = new URL('../style.css', import.meta.url).href;

function rememberedLanguage() {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (LANGUAGES.includes(saved)) return saved;
  } catch {
    // storage disabled: fall back to the browser's language
  }
  return (navigator.language ?? 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function errorMessage(error, lang) {
  if (error?.code === 'engine_unavailable') return t('engineMissing', lang);
  if (lang === 'fr') return error?.message_fr ?? error?.message ?? String(error);
  return error?.message_en ?? error?.message ?? String(error);
}

// A file's failure as plain data (what the card shows and what `roilens-file` carries).
function fileError(error) {
  const missing = error.code === 'engine_unavailable';
  return { code: error.code,
    message_en: missing ? t('engineMissing', 'en') : error.message_en ?? error.message,
    message_fr: missing ? t('engineMissing', 'fr') : error.message_fr ?? error.message,
    file: error.file, line: error.line, column: error.column };
}

function initialState() {
  return {
    lang: 'en', files: [], nextId: 1, catalogue: [], fields: { tables: [] }, index: new ReportIndex(), period: '',
    // periodChosen: the user (or a shared view) picked the period; otherwise the latest is shown.
    periodChosen: false, hasSamples: false,
    attribution: null, attributionError: null,
    clv: null, clvError: null, reports: {}, mappingFor: null, busy: 0, progress: null,
    // The view choices not held by the period bar's controls (see #currentView).
    view: defaultView(),
    // Steering panel: the user's goals, cadence and A/B choice (remembered), the variants found
    // for the A/B dimension, and the cadence period picked as a custom range (its label).
    steering: loadSteering(), abVariants: [], customRange: null,
  };
}

export class RoilensDashboard extends HTMLElement {
  static observedAttributes = ['lang', 'grain', 'samples', 'wasm-url', 'worker-url', 'url-state'];

  #root;
  #state = initialState();
  #enginePromise = null;
  // False until connected: attribute callbacks of the initial upgrade wait for connectedCallback.
  #live = false;
  #onHashChange = () => this.#restoreFromHash();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.append(el('link', { rel: 'stylesheet', href: STYLESHEET_URL }), dashboardMarkup());
    this.#wire();
  }

  connectedCallback() {
    const asked = this.getAttribute('lang');
    const lang = LANGUAGES.includes(asked) ? asked : rememberedLanguage();
    // The attribute always names the language shown (screen readers, host CSS).
    if (asked !== lang) this.setAttribute('lang', lang);
    this.#applyLanguage(lang);
    this.#applyGrain();
    this.#applySamples();
    if (this.hasAttribute('url-state')) this.#applyView(parseViewHash(location.hash, this.#currentView(), PANELS));
    window.addEventListener('hashchange', this.#onHashChange);
    this.#live = true;
    // After a move within the page the engine is still there; after a removal it was freed, and
    // the files read before are read again by the new one.
    const engineKept = this.#enginePromise !== null;
    this.#engine().catch((error) => this.#showError(error));
    if (!engineKept && this.#state.files.length) this.#reingestAll();
  }

  disconnectedCallback() {
    this.#live = false;
    window.removeEventListener('hashchange', this.#onHashChange);
    // A move within the page disconnects and reconnects at once: only a real removal frees the engine.
    queueMicrotask(() => {
      if (!this.isConnected) this.#disposeEngine();
    });
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value || !this.#live) return;
    if (name === 'lang' && LANGUAGES.includes(value)) this.#applyLanguage(value);
    if (name === 'grain' && this.#applyGrain()) this.#refresh();
    if (name === 'samples') this.#applySamples();
    if (name === 'url-state' && value !== null) this.#restoreFromHash();
    if (name === 'wasm-url' || name === 'worker-url') {
      this.#disposeEngine();
      this.#reingestAll();
    }
  }

  /** Reads files (File/Blob objects with a name) as if they had been dropped. */
  addFiles(files) {
    return this.#addFiles(files);
  }

  /** The current view (the `roilens-view` detail): period bar, breakdown, trend, panels. */
  get view() {
    return structuredClone(this.#currentView());
  }

  /** The last report (the `roilens-report` detail), or null before any file was read. */
  get report() {
    return this.#state.files.some((f) => f.report) ? this.#reportDocument() : null;
  }

  // ------------------------------------------------------------ engine
  #byId(id) {
    return this.#root.getElementById(id);
  }

  #absoluteUrl(attribute) {
    const value = this.getAttribute(attribute);
    if (!value) return undefined;
    try {
      return new URL(value, document.baseURI).href;
    } catch {
      return value; // not a URL: the load fails and the element says the engine is missing
    }
  }

  #engine() {
    // A failed start is forgotten, so the next action tries again instead of failing forever.
    this.#enginePromise ??= createEngine({ worker: true, wasmUrl: this.#absoluteUrl('wasm-url'),
      workerUrl: this.#absoluteUrl('worker-url') }).then(async (engine) => {
      // The mapping panel offers the engine's own model fields (one list, in the core).
      this.#state.fields = await engine.fields();
      return engine;
    }).catch((error) => {
      this.#enginePromise = null;
      throw error;
    });
    return this.#enginePromise;
  }

  #disposeEngine() {
    const started = this.#enginePromise;
    this.#enginePromise = null;
    started?.then((engine) => engine.dispose(), () => {});
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ------------------------------------------------------------ busy indicator and errors
  #setStatus() {
    const state = this.#state;
    const status = this.#byId('status');
    const bar = this.#byId('progress');
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
    this.toggleAttribute('busy', state.busy > 0);
    this.#root.querySelector('main').setAttribute('aria-busy', String(state.busy > 0));
  }

  async #whileBusy(task) {
    this.#state.busy += 1;
    this.#setStatus();
    try {
      return await task();
    } finally {
      this.#state.busy -= 1;
      if (this.#state.busy === 0) this.#state.progress = null;
      this.#setStatus();
    }
  }

  #showError(error) {
    const lang = this.#state.lang;
    const item = el('div', { class: 'error-item' },
      el('strong', { text: t('errorTitle', lang) }), ' ',
      el('span', { text: errorMessage(error, lang) }),
      el('button', { type: 'button', class: 'icon-button', text: '×', title: t('dismiss', lang),
        'aria-label': t('dismiss', lang), onclick: () => item.remove() }));
    this.#byId('errors').append(item);
  }

  // ------------------------------------------------------------ ingestion
  async #ingest(entry) {
    entry.report = null;
    entry.error = null;
    entry.progress = 0;
    this.#renderFiles();
    try {
      const engine = await this.#engine();
      entry.report = await engine.addFile(entry.name, entry.blob, {
        ...entry.options,
        onProgress: ({ loaded, total }) => {
          entry.progress = total ? loaded / total : null;
          this.#state.progress = { name: entry.name, loaded, total };
          this.#setStatus();
        },
      });
    } catch (error) {
      entry.error = fileError(error);
    }
    delete entry.progress;
    // The engine's own reading of the header is better than the page's quick look.
    if (entry.report?.header?.length) entry.header = entry.report.header;
    this.#renderFiles();
    this.#emit('roilens-file', entry.report ?? { file: entry.name, error: entry.error });
  }

  async #addFiles(files) {
    const list = [...(files ?? [])].filter((f) => f && f.size !== undefined);
    if (!list.length) return;
    await this.#whileBusy(async () => {
      const entries = [];
      for (const file of list) {
        const entry = { id: this.#state.nextId++, name: file.webkitRelativePath || file.name,
          size: file.size, blob: file, options: {}, header: [] };
        entry.header = await readHeader(file).catch(() => []);
        // Kept apart: the engine may read the header slightly differently; both keys are saved.
        entry.pageHeader = entry.header;
        entry.options = loadMapping(entry.header) ?? {};
        this.#state.files.push(entry);
        entries.push(entry);
      }
      this.#renderFiles();
      try {
        for (const entry of entries) await this.#ingest(entry);
        await this.#refresh();
      } catch (error) {
        this.#showError(error);
      }
    });
  }

  // The Session cannot forget one file, so a removal or a new mapping re-reads every file.
  async #reingestAll() {
    await this.#whileBusy(async () => {
      try {
        const engine = await this.#engine();
        await engine.reset();
        for (const entry of this.#state.files) await this.#ingest(entry);
        await this.#refresh();
      } catch (error) {
        this.#showError(error);
      }
    });
  }

  async #loadSamples() {
    const manifest = this.#absoluteUrl('samples');
    if (!manifest) return;
    await this.#whileBusy(async () => {
      try {
        await this.#addFiles(await sampleFiles(manifest));
      } catch (error) {
        this.#showError(error);
      }
    });
  }

  // ------------------------------------------------------------ computing the report
  #reportOptions(extra = {}) {
    const options = periodOptions(this.#state, this.#byId('grain').value);
    if (this.#byId('from').value) options.from = this.#byId('from').value;
    if (this.#byId('to').value) options.to = this.#byId('to').value;
    return { ...options, ...extra };
  }

  // The total report carries the steering options; if they are refused (a goal on a KPI the
  // engine no longer knows…), the error is shown and the report is computed without them.
  async #totalReport(engine) {
    const steering = steeringOptions(this.#state.steering);
    try {
      return await engine.report(this.#reportOptions({ compare: true, ...steering }));
    } catch (error) {
      if (!steering.goals.length && !steering.ab_tests) throw error;
      this.#showError(error);
      return engine.report(this.#reportOptions({ compare: true }));
    }
  }

  async #computeReports(engine) {
    const state = this.#state;
    try {
      if (!state.catalogue.length) state.catalogue = await engine.catalogue();
      const breakdown = this.#byId('breakdown').value;
      const total = await this.#totalReport(engine);
      const byChannel = await engine.report(this.#reportOptions({ by: ['channel'] }));
      const byOther = breakdown && breakdown !== 'channel'
        ? await engine.report(this.#reportOptions({ by: [breakdown] }))
          .catch((error) => { this.#showError(error); return null; })
        : null;
      state.index = new ReportIndex(total, byChannel, byOther);
      state.reports = { total, by_channel: byChannel, by_other: byOther };
      state.abVariants = await abVariants(engine, state, (extra) => this.#reportOptions(extra));
    } catch (error) {
      state.index = new ReportIndex();
      state.reports = {};
      this.#showError(error);
    }
  }

  async #computeModels(engine) {
    const state = this.#state;
    try {
      state.attribution = await engine.attribution({});
      state.attributionError = null;
    } catch (error) {
      state.attribution = null;
      state.attributionError = error;
    }
    try {
      state.clv = await engine.clv({});
      state.clvError = null;
    } catch (error) {
      state.clv = null;
      state.clvError = error;
    }
  }

  async #refresh() {
    const state = this.#state;
    if (!state.files.some((f) => f.report)) {
      state.index = new ReportIndex();
      this.#renderDashboard();
      this.#viewChanged();
      return;
    }
    await this.#whileBusy(async () => {
      const engine = await this.#engine();
      await this.#computeReports(engine);
      await this.#computeModels(engine);
      if (!state.index.periods.includes(state.period)) {
        state.period = state.index.periods.at(-1) ?? 'all';
        state.periodChosen = false;
      }
      this.#renderDashboard();
      this.#viewChanged();
      if (state.reports.total) this.#emit('roilens-report', this.#reportDocument());
    });
  }

  // What the download holds and `roilens-report` carries: file reports, reports, models.
  #reportDocument() {
    const state = this.#state;
    return { files: state.files.map((f) => f.report).filter(Boolean), ...state.reports,
      attribution: state.attribution, clv: state.clv };
  }

  // ------------------------------------------------------------ rendering
  #renderFiles() {
    const state = this.#state;
    this.#byId('clear-button').hidden = state.files.length === 0;
    this.#root.querySelector('.app').classList.toggle('has-files', state.files.length > 0);
    renderFileList(this.#byId('files'), state, this.#cardHandlers(), this.#mappingHandlers());
  }

  #cardHandlers() {
    const state = this.#state;
    return {
      onFix: (entry) => {
        state.mappingFor = state.mappingFor === entry.id ? null : entry.id;
        this.#renderFiles();
      },
      onRemove: (entry) => {
        state.files = state.files.filter((f) => f !== entry);
        this.#renderFiles();
        this.#reingestAll();
      },
      // The period a dateless export covers: remembered like a mapping, then every file re-read.
      onPeriod: (entry, period) => {
        entry.options = { ...entry.options, period };
        saveMapping(entry.header, entry.options);
        if (entry.pageHeader !== entry.header) saveMapping(entry.pageHeader, entry.options);
        this.#reingestAll();
      },
    };
  }

  #mappingHandlers() {
    const state = this.#state;
    return {
      onApply: (entry, options) => {
        // The period covered (if given) is part of how the file is read; a new mapping keeps it.
        entry.options = entry.options?.period ? { ...options, period: entry.options.period } : options;
        options = entry.options;
        saveMapping(entry.header, options);
        if (entry.pageHeader !== entry.header) saveMapping(entry.pageHeader, options);
        state.mappingFor = null;
        this.#reingestAll();
      },
      onForget: (entry) => {
        forgetMapping(entry.header);
        forgetMapping(entry.pageHeader);
        entry.options = {};
        state.mappingFor = null;
        this.#reingestAll();
      },
      onCancel: () => {
        state.mappingFor = null;
        this.#renderFiles();
      },
    };
  }

  #renderDashboard() {
    const state = this.#state;
    const rerender = () => {
      this.#renderDashboard();
      this.#viewChanged();
    };
    renderDashboard(this.#root, state, {
      onAttributionView: (attribution) => {
        state.view.attribution = attribution;
        rerender();
      },
      onTrend: (patch) => {
        Object.assign(state.view, patch);
        rerender();
      },
      onToggleEmpty: (show) => {
        state.view.showEmpty = show;
        rerender();
      },
      steering: steeringHandlers(state, { from: this.#byId('from'), to: this.#byId('to'),
        refresh: () => this.#refresh() }),
    });
  }

  // ------------------------------------------------------------ the view (URL hash, roilens-view)
  // The period bar's controls hold grain, range and breakdown; the state holds the rest.
  #currentView() {
    const state = this.#state;
    return { ...state.view, grain: this.#byId('grain').value, from: this.#byId('from').value,
      to: this.#byId('to').value, breakdown: this.#byId('breakdown').value,
      period: state.periodChosen ? state.period : '' };
  }

  #applyView(view) {
    const state = this.#state;
    this.#byId('grain').value = view.grain;
    this.#byId('from').value = view.from;
    this.#byId('to').value = view.to;
    this.#byId('breakdown').value = view.breakdown;
    state.view = { ...state.view, trendKpis: view.trendKpis, comparison: view.comparison,
      attribution: { ...view.attribution }, showEmpty: view.showEmpty, closed: [...view.closed] };
    if (view.period) {
      state.period = view.period;
      state.periodChosen = true;
    }
    renderPanels(this.#root, state.view.closed, state.lang);
  }

  // A shared link opened, the back button, or url-state just set: the hash's view, recomputed.
  #restoreFromHash() {
    if (!this.hasAttribute('url-state')) return;
    const before = viewHash(this.#currentView());
    const view = parseViewHash(location.hash, this.#currentView(), PANELS);
    if (viewHash(view) === before) return;
    this.#applyView(view);
    this.#refresh();
  }

  // Every change of the view: the URL hash (with url-state) and the roilens-view event.
  #viewChanged() {
    const view = this.#currentView();
    if (this.hasAttribute('url-state')) {
      const hash = viewHash(view);
      if (hash !== location.hash && !(hash === '' && location.hash === '#')) {
        history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
      }
    }
    this.#emit('roilens-view', structuredClone(view));
  }

  #applyLanguage(lang) {
    this.#state.lang = lang;
    this.#byId('lang-toggle').textContent = lang === 'fr' ? 'EN' : 'FR';
    translateStatic(this.#root, lang);
    this.#setStatus();
    this.#renderFiles();
    this.#renderDashboard();
  }

  // The grain attribute sets the period select; answers whether it changed anything.
  #applyGrain() {
    const grain = this.getAttribute('grain');
    const select = this.#byId('grain');
    if (!GRAINS.includes(grain) || select.value === grain) return false;
    select.value = grain;
    return true;
  }

  // Without a samples attribute there is no sample button, and the empty state does not invite to one.
  #applySamples() {
    this.#state.hasSamples = this.hasAttribute('samples');
    this.#byId('sample-button').hidden = !this.#state.hasSamples;
    this.#renderFiles();
  }

  // ------------------------------------------------------------ wiring
  #wire() {
    const zone = this.#byId('dropzone');
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
        await this.#addFiles(await filesFromDrop(event.dataTransfer));
      } catch (error) {
        this.#showError(error);
      }
    });
    for (const id of ['file-input', 'folder-input']) {
      const input = this.#byId(id);
      // Not event.target: once dispatched, an event from a shadow tree forgets its target.
      input.addEventListener('change', async () => {
        await this.#addFiles(input.files);
        input.value = '';
      });
    }
    this.#byId('sample-button').addEventListener('click', () => this.#loadSamples());
    // The drop zone is focusable: Enter or Space opens the file picker (keyboard users).
    zone.addEventListener('keydown', (event) => {
      if (event.target === zone && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        this.#byId('file-input').click();
      }
    });
    this.#byId('clear-button').addEventListener('click', () => {
      this.#state.files = [];
      this.#state.mappingFor = null;
      this.#renderFiles();
      this.#reingestAll();
    });
    this.#byId('lang-toggle').addEventListener('click', () => this.#toggleLanguage());
    for (const id of ['grain', 'from', 'to', 'breakdown']) {
      this.#byId(id).addEventListener('change', () => {
        // A range typed or a grain chosen by hand replaces a picked cadence period.
        if (id !== 'breakdown') this.#state.customRange = null;
        this.#refresh();
      });
    }
    this.#byId('export-button').addEventListener('click', () => this.#download());
    // The browser's print dialog; the stylesheet lays the dashboard out for A4 (print to PDF).
    this.#byId('print-button').addEventListener('click', () => window.print());
    const periodSelect = this.#byId('period-select');
    periodSelect.addEventListener('change', () => {
      this.#state.period = periodSelect.value;
      this.#state.periodChosen = true;
      this.#renderDashboard();
      this.#viewChanged();
    });
    for (const toggle of this.#root.querySelectorAll('.panel-toggle')) {
      toggle.addEventListener('click', () => {
        const { closed } = this.#state.view;
        const name = toggle.dataset.panel;
        this.#state.view.closed = closed.includes(name) ? closed.filter((p) => p !== name) : [...closed, name];
        renderPanels(this.#root, this.#state.view.closed, this.#state.lang);
        this.#viewChanged();
      });
    }
  }

  #toggleLanguage() {
    const lang = this.#state.lang === 'fr' ? 'en' : 'fr';
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // not remembered; still switched
    }
    this.setAttribute('lang', lang);
  }

  // The report as JSON, saved from memory (a blob: URL; nothing leaves the machine).
  #download() {
    const body = JSON.stringify(this.#reportDocument(), null, 2);
    saveBlob(this.#root, 'roilens-report.json', new Blob([body], { type: 'application/json' }));
  }
}

if (!customElements.get('roilens-dashboard')) customElements.define('roilens-dashboard', RoilensDashboard);
