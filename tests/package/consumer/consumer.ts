// A TypeScript user of the package: every entry's types, checked with `tsc --noEmit`.
import { createEngine, RoilensError, type FileReport, type Report, type ErrorShape } from 'roilens';
import type { Attribution } from 'roilens';
import type { Clv } from 'roilens';
import 'roilens/component';
import type { RoilensDashboard, DashboardReport, DashboardView } from 'roilens/component';
import createRoilensModule from 'roilens/wasm';
import wasmUrl from 'roilens/roilens.wasm';

export async function leadsOf(bytes: Uint8Array): Promise<number | null> {
  const engine = await createEngine({ wasmUrl, utcOffsetMinutes: 60,
    onRestart: ({ restored, lost }) => console.log(restored.length, lost.length) });
  const file: FileReport = await engine.addFile('contacts.csv', bytes, {
    onProgress: ({ loaded, total }) => console.log(loaded, total ?? 0),
  });
  if (file.error) console.log(file.error.message_en, file.error.line);
  const report: Report = await engine.report({ grain: 'month', by: ['channel'] });
  const attribution: Attribution = await engine.attribution({ model: 'linear' });
  const clv: Clv = await engine.clv({ unit: 'week' });
  console.log(attribution.models[0]?.channels.length, clv.summary.clv_mean);
  await engine.dispose();
  return report.values.find((v) => v.kpi === 'leads')?.value ?? null;
}

export function describe(error: unknown): string {
  if (error instanceof RoilensError) {
    const shape: ErrorShape = error.toJSON();
    return `${shape.code} ${error.message_fr} ${error.file}:${error.line}:${error.column}`;
  }
  return String(error);
}

export function listen(): void {
  const element: RoilensDashboard = document.createElement('roilens-dashboard');
  element.addEventListener('roilens-report', (event) => {
    const detail: DashboardReport = event.detail;
    console.log(detail.total?.values.length);
  });
  element.addEventListener('roilens-view', (event) => {
    const view: DashboardView = event.detail;
    console.log(view.grain, element.view.trendKpis.join(','));
  });
  element.addEventListener('roilens-file', (event) => {
    const detail = event.detail;
    console.log('tool' in detail ? detail.tool : detail.error.message_en);
  });
}

export async function raw(): Promise<void> {
  const module = await createRoilensModule({ locateFile: (path, prefix) => prefix + path });
  const session = new module.Session('{}');
  console.log(JSON.parse(session.catalogue()).ok);
  session.delete();
}
