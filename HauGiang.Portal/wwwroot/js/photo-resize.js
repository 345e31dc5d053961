// Large photos are made smaller on the device before they are uploaded (docs/decisions/016-phone-field-layout.md):
// a phone's 12-megapixel photo becomes a JPEG of at most 2048 px on its long side at quality 0.85 (~1 MB instead of
// 5–10 MB over a mobile connection). Drawing on a canvas keeps only the pixels, so EXIF (the phone's GPS, its make)
// is left behind on the device too; the orientation is applied first. The server checks and re-encodes anyway.
//
// How: on every file input marked data-hg-resize (Features/Reports/ResultPhotoPicker.razor) this listener sees the
// change first (capture phase on the document) and holds it back from Blazor's InputFile; once the files are ready it
// puts them into the input and sends the change on. A photo that cannot be decoded here goes as it is, and the
// server says what is wrong with it.
const MAX_SIDE = 2048;
const QUALITY = 0.85;
const SENT_AS_IS = ['image/jpeg', 'image/png', 'image/webp'];
const LARGE_BYTES = 4 * 1024 * 1024;
const ready = new WeakSet(); // inputs whose next change carries files already prepared

async function prepare(file) {
  if (!file.type.startsWith('image/')) return file;
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const longSide = Math.max(bitmap.width, bitmap.height);
    if (longSide <= MAX_SIDE && file.size <= LARGE_BYTES && SENT_AS_IS.includes(file.type)) return file;
    const scale = Math.min(1, MAX_SIDE / longSide);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff'; // JPEG has no transparency: transparent areas become white, as on the server
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob || blob.size >= file.size && SENT_AS_IS.includes(file.type)) return file;
    const name = file.name.replace(/\.[^./\\]*$/, '') + '.jpg';
    return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
  } finally {
    bitmap.close();
  }
}

document.addEventListener('change', e => {
  const input = e.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.matches('[data-hg-resize]')) return;
  if (ready.delete(input)) return; // our own change: on to Blazor
  if (!input.files || input.files.length === 0) return;
  e.stopPropagation();
  const chosen = [...input.files];
  input.dataset.resizing = 'true';
  Promise.all(chosen.map(prepare)).then(files => {
    const transfer = new DataTransfer();
    for (const f of files) transfer.items.add(f);
    input.files = transfer.files;
    ready.add(input);
    delete input.dataset.resizing;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}, true);
