// Loads Leaflet (and, when asked, leaflet.markercluster) once per page, lazily, from wwwroot/lib (npm at build).
// The UMD builds are used because markercluster extends the global L.
const loaded = new Map();

function once(key, create) {
  if (!loaded.has(key)) loaded.set(key, create());
  return loaded.get(key);
}

function script(src) {
  return once(src, () => new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = src;
    el.onload = resolve;
    el.onerror = () => reject(new Error('Could not load ' + src));
    document.head.appendChild(el);
  }));
}

function css(href) {
  return once(href, () => {
    const el = document.createElement('link');
    el.rel = 'stylesheet';
    el.href = href;
    document.head.appendChild(el);
    return Promise.resolve();
  });
}

export async function loadLeaflet() {
  await css('/lib/leaflet/leaflet.css');
  await script('/lib/leaflet/leaflet.js');
  return window.L;
}

export async function loadMarkerCluster() {
  const L = await loadLeaflet();
  await css('/lib/leaflet.markercluster/MarkerCluster.css');
  await css('/lib/leaflet.markercluster/MarkerCluster.Default.css');
  await script('/lib/leaflet.markercluster/leaflet.markercluster.js');
  return L;
}
