// Where files come from besides the pickers: a drop (files or whole folders) and the sample set.

// Files and folders from a drop: directories are walked with the entries API where available.
export async function filesFromDrop(dataTransfer) {
  const entries = [...(dataTransfer.items ?? [])]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter(Boolean);
  if (!entries.length || !entries.some((e) => e.isDirectory)) return [...dataTransfer.files];
  const out = [];
  const walk = async (entry) => {
    if (entry.isFile) {
      out.push(await new Promise((resolve, reject) => entry.file(resolve, reject)));
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

// The committed sample exports (web/samples/manifest.json), fetched from the page's own origin.
export async function sampleFiles() {
  const manifest = await (await fetch('samples/manifest.json')).json();
  const files = [];
  for (const { name } of manifest.files) {
    const response = await fetch(`samples/${encodeURIComponent(name)}`);
    if (!response.ok) throw new Error(`samples/${name}: HTTP ${response.status}`);
    files.push(new File([await response.blob()], name, { type: 'text/csv' }));
  }
  return files;
}
