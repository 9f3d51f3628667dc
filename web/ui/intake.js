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

// The sample exports listed by a manifest ({files: [{name}]}), each fetched beside it
// (web/samples/manifest.json for the page): the component's own origin, never a third party.
export async function sampleFiles(manifestUrl) {
  const manifest = await (await fetch(manifestUrl)).json();
  const files = [];
  for (const { name } of manifest.files) {
    const url = new URL(encodeURIComponent(name), manifestUrl);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    files.push(new File([await response.blob()], name, { type: 'text/csv' }));
  }
  return files;
}
